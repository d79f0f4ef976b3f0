using LicenseGuard.Catalog;
using LicenseGuard.Inventory;
using LicenseGuard.Policy;

namespace LicenseGuard.Gather.Tests;

/// <summary>
/// Real restores of the provider-neutral packages most AI apps start from: a meta-package that brings vendors' connectors
/// transitively (Semantic Kernel brings the OpenAI and Azure OpenAI connectors) is reported as bringing each of them, with the
/// path from the direct reference; the neutral abstractions alone (Microsoft.Extensions.AI, Microsoft Agent Framework, the
/// MCP SDK) bring no proprietary SDK and are quiet.
/// </summary>
public sealed class MetaPackageTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("licenseguard-meta-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void SemanticKernelIsReportedAsBringingTheVendorsConnectorsWithTheirPath()
    {
        var findings = Restore("Sk", ("Microsoft.SemanticKernel", "1.82.0"))
            .Where(f => f.RuleId == DependencyEvaluator.ProprietaryAiPackage)
            .ToList();

        Assert.Equal(
            new[] { ("Microsoft.SemanticKernel.Connectors.AzureOpenAI", "azure-openai"), ("Microsoft.SemanticKernel.Connectors.OpenAI", "openai") },
            findings.Where(f => f.Package!.Id.StartsWith("Microsoft.SemanticKernel", StringComparison.Ordinal)).Select(f => (f.Package!.Id, f.Service!.Id)).OrderBy(f => f.Item1, StringComparer.Ordinal));
        Assert.All(findings, f => Assert.Equal("Microsoft.SemanticKernel", f.Package!.DirectReference));
        Assert.All(findings, f => Assert.StartsWith("Microsoft.SemanticKernel 1.82.0", f.Package!.Path[0], StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Subject.StartsWith("Microsoft.SemanticKernel.Connectors.OpenAI 1.82.0 via Microsoft.SemanticKernel 1.82.0", StringComparison.Ordinal));

        // The connectors bring the vendors' own SDKs, reported too, through the same direct reference.
        Assert.Contains(findings, f => f.Package!.Id == "OpenAI" && f.Service!.Id == "openai");
        Assert.Contains(findings, f => f.Package!.Id == "Azure.AI.OpenAI" && f.Service!.Id == "azure-openai");
    }

    [Fact]
    public void ProviderNeutralAbstractionsAloneBringNoProprietarySdk()
    {
        var findings = Restore("Neutral", ("Microsoft.Extensions.AI", "11.0.0"), ("Microsoft.Agents.AI", "1.28.0"), ("ModelContextProtocol", "2.4.0"));

        Assert.DoesNotContain(findings, f => f.RuleId == DependencyEvaluator.ProprietaryAiPackage);
    }

    private IReadOnlyList<DependencyFinding> Restore(string name, params (string Id, string Version)[] packages)
    {
        string directory = Path.Combine(root, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><NoWarn>NU1603;NU1701;NU1902;NU1903;NU1904</NoWarn></PropertyGroup>
              <ItemGroup>{string.Concat(packages.Select(p => $"<PackageReference Include=\"{p.Id}\" Version=\"{p.Version}\" />"))}</ItemGroup>
            </Project>
            """);
        DotnetCommand.RunOrThrow(directory, "restore");
        var inventory = InventoryBuilder.Build(Path.Combine(directory, "obj", "project.assets.json"));
        Assert.Empty(inventory.Problems);
        return DependencyEvaluator.Evaluate(inventory.Packages, RulesCatalog.BuiltIn, DateTime.UtcNow.Date);
    }
}
