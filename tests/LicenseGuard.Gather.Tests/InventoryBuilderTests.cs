using LicenseGuard.Inventory;

namespace LicenseGuard.Gather.Tests;

public class InventoryBuilderTests(RestoredProjects restored) : IClassFixture<RestoredProjects>
{
    private readonly ProjectInventory inventory = InventoryBuilder.Build(restored.AssetsFile);

    private PackageFact Package(string id) => Assert.Single(inventory.Packages, p => p.Id == id);

    [Fact]
    public void DirectPackagesAreMarkedWithAllTheirFrameworks()
    {
        var epplus = Package("EPPlus");
        Assert.True(epplus.Direct);
        Assert.Empty(epplus.Path);
        Assert.Equal(new[] { "net10.0", "net8.0" }, epplus.Frameworks.OrderBy(f => f, StringComparer.Ordinal));
        Assert.Equal(new[] { "net10.0" }, Package("OllamaSharp").Frameworks);
        Assert.EndsWith("App.csproj", inventory.Project);
    }

    [Fact]
    public void LicenceFileIsReadAndRecognised()
    {
        Assert.Equal((LicenseSource.File, "lgpl-3.0.txt", "LGPL-3.0-only"), (Package("EPPlus").License.Source, Package("EPPlus").License.Value, Package("EPPlus").License.DetectedInFile));
        Assert.Equal((LicenseSource.File, "LICENSE", "MIT"), (Package("OllamaSharp").License.Source, Package("OllamaSharp").License.Value, Package("OllamaSharp").License.DetectedInFile));
    }

    [Fact]
    public void LicenseUrlOnlyAndExpressionPackagesKeepWhatTheyDeclare()
    {
        Assert.Equal((LicenseSource.Url, "https://raw.github.com/JamesNK/Newtonsoft.Json/master/LICENSE.md"), (Package("Newtonsoft.Json").License.Source, Package("Newtonsoft.Json").License.Value));
        Assert.Equal((LicenseSource.Expression, "MIT"), (Package("OpenAI").License.Source, Package("OpenAI").License.Value));
    }

    [Fact]
    public void TransitivePackagesCarryTheShortestPathFromTheirDirectReference()
    {
        var clientModel = Package("System.ClientModel");
        Assert.False(clientModel.Direct);
        Assert.Equal(new[] { "OpenAI 2.15.0" }, clientModel.Path);
        Assert.Equal("OpenAI", clientModel.DirectReference);
    }

    [Fact]
    public void PackagesOfReferencedProjectsArePartOfTheInventory()
    {
        var anthropic = Package("Anthropic");
        Assert.False(anthropic.Direct);
        Assert.Equal(new[] { "Lib 1.0.0" }, anthropic.Path);
    }

    [Fact]
    public void PrivateAssetsAndDevelopmentDependenciesAreFlagged()
    {
        var banned = Package("Microsoft.CodeAnalysis.BannedApiAnalyzers");
        Assert.True(banned.PrivateAssets);
        Assert.True(banned.Development);
        Assert.False(Package("EPPlus").PrivateAssets);
    }

    [Fact]
    public void InventoryRoundTripsThroughJson()
    {
        var json = inventory.ToJson();
        var parsed = ProjectInventory.Parse("inventory.json", json);

        Assert.Equal(inventory.Packages.Count, parsed.Packages.Count);
        Assert.Equal(json, parsed.ToJson());
        Assert.Equal("LGPL-3.0-only", parsed.Packages.Single(p => p.Id == "EPPlus").License.DetectedInFile);
    }

    [Fact]
    public void MissingOrBrokenAssetsFileIsAProblemNotAnException()
    {
        var missing = InventoryBuilder.Build(Path.Combine(restored.Root, "nope", "project.assets.json"));
        Assert.Contains("does not exist", Assert.Single(missing.Problems));

        string broken = Path.Combine(restored.Root, "broken.assets.json");
        File.WriteAllText(broken, "{ \"targets\": ");
        Assert.Contains("not valid JSON", Assert.Single(InventoryBuilder.Build(broken).Problems));
    }
}
