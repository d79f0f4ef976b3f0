using System.Text.Json;

namespace LicenseGuard.EndToEnd.Tests;

/// <summary>
/// A build with nothing changed stays a no-op with LicenseGuard referenced (issue 24, item 1): the gather step's inputs are
/// only files that can hold the user's weights (never the SDK's apphost or anything under obj/ and bin/), it rewrites the
/// inventory only when the facts change, and no SDK file becomes an AdditionalFile. The time a no-op build costs is measured
/// by <c>bench/noop.sh</c>, not here. A new project is also quiet under the default policy (item 9): no finding at all.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class NoOpBuildTests(PackedLicenseGuard package)
{
    [Theory]
    [InlineData("console")]
    [InlineData("web")]
    [InlineData("worker")]
    [InlineData("classlib")]
    [InlineData("xunit")]
    public void SecondBuildOfANewTemplateCompilesNothingAndNoBuildReportsAnything(string template)
    {
        string project = NewProject(template);

        var first = package.Build(project);
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(!first.LicenseGuardResults.Any(), string.Join("\n", first.LicenseGuardResults.Select(r => $"{r.RuleId} {r.Level}: {r.Message}")));
        var before = Stamps(project);

        var second = package.Build(project);

        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(before, Stamps(project));
        Assert.All(AdditionalFiles(project), path => Assert.StartsWith(project, path, StringComparison.Ordinal));
    }

    [Fact]
    public void WeightsShippedThroughAnUpdateOfTheSdkGlobAreReportedInTheProjectFileAndTheSecondBuildCompilesNothing()
    {
        string project = NewProject("console");
        package.MakeWeights(project);
        string csproj = Directory.GetFiles(project, "*.csproj").Single();
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("</Project>", """
              <ItemGroup>
                <None Update="models/llama/*.gguf" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            </Project>
            """));

        var first = package.Build(project);

        Assert.True(first.ExitCode == 0, first.Output);
        var llama = Assert.Single(first.LicenseGuardResults, r => r.RuleId == "LG2001");
        Assert.Equal((Path.GetFileName(csproj), LineOf(csproj, "models/llama/*.gguf")), (llama.File, llama.Line));
        Assert.All(AdditionalFiles(project), path => Assert.StartsWith(project, path, StringComparison.Ordinal));
        var before = Stamps(project);

        var second = package.Build(project);

        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(before, Stamps(project));
    }

    [Fact]
    public void SecondBuildOfTheWeightsSampleCompilesNothingAndAChangedWeightFileGathersAgain()
    {
        string project = package.CopySample("WeightsShipper");
        package.MakeWeights(project);
        Assert.True(package.Build(project).ExitCode == 0);
        var before = Stamps(project);

        var second = package.Build(project);

        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(before, Stamps(project));

        // A weight file that changes is an input: the facts are gathered again and the compiler sees them.
        string gguf = Directory.GetFiles(Path.Combine(project, "models", "llama"), "*.gguf").Single();
        File.WriteAllBytes(gguf, File.ReadAllBytes(gguf)[..8]);
        var third = package.Build(project);

        Assert.True(third.ExitCode == 0, third.Output);
        var llama = Assert.Single(third.LicenseGuardResults, r => r.RuleId == "LG2001" && r.Message.Contains("Llama-3.1", StringComparison.Ordinal));
        Assert.Contains("unreadable header: the file ends inside its header", llama.Message, StringComparison.Ordinal);
        Assert.NotEqual(before["assembly"], Stamps(project)["assembly"]);
    }

    [Fact]
    public void AnInventoryLostBetweenBuildsIsGatheredAgainInsteadOfLeavingTheCompilerWithoutFacts()
    {
        // Issue 24, item 10: the stamp said the facts were current while the inventory was gone (a failed write in a build sharing
        // obj/ deleted it), so the next build skipped gathering and its dependency findings were lost.
        string project = package.CopySample("InvoiceExporter");
        Assert.True(package.Build(project).ExitCode == 0);
        string inventory = Directory.GetFiles(Path.Combine(project, "obj"), "licenseguard.inventory.json", SearchOption.AllDirectories).Single();
        Assert.True(File.Exists(inventory + ".stamp"));
        File.Delete(inventory);
        File.SetLastWriteTimeUtc(Path.Combine(project, "Program.cs"), DateTime.UtcNow);

        var next = package.Build(project);

        Assert.True(next.ExitCode == 0, next.Output);
        Assert.True(File.Exists(inventory));
        Assert.Equal(new[] { "LG3002" }, next.LicenseGuardResults.Select(r => r.RuleId));
    }

    private string NewProject(string template)
    {
        string directory = Path.Combine(package.WorkRoot, $"{template}-{Guid.NewGuid():N}");
        string name = "App" + char.ToUpperInvariant(template[0]) + template[1..];
        var created = package.Dotnet(package.WorkRoot, "new", template, "-o", directory, "-n", name, "--no-restore");
        Assert.True(created.ExitCode == 0, created.Output);
        string csproj = Path.Combine(directory, name + ".csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("</Project>", """
              <ItemGroup>
                <PackageReference Include="LicenseGuard" Version="$(LicenseGuardVersion)" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """));
        return directory;
    }

    /// <summary>The compiled assembly's and the inventory's last-write times: a no-op build changes neither.</summary>
    private static Dictionary<string, DateTime> Stamps(string project)
    {
        string obj = Path.Combine(project, "obj");
        string name = Path.GetFileNameWithoutExtension(Directory.GetFiles(project, "*.csproj").Single());
        string assembly = Directory.GetFiles(obj, name + ".dll", SearchOption.AllDirectories).Single(p => Path.GetFileName(Path.GetDirectoryName(p)) is not ("ref" or "refint"));
        string inventory = Directory.GetFiles(obj, "licenseguard.inventory.json", SearchOption.AllDirectories).Single();
        return new Dictionary<string, DateTime>
        {
            ["assembly"] = File.GetLastWriteTimeUtc(assembly),
            ["inventory"] = File.GetLastWriteTimeUtc(inventory),
        };
    }

    /// <summary>The AdditionalFiles the compiler receives, as full paths (read from MSBuild, running LicenseGuard's targets).</summary>
    private List<string> AdditionalFiles(string project)
    {
        var (exitCode, output) = package.Dotnet(project, "msbuild", "-nologo", "-t:LicenseGuardAddInventory", "-getItem:AdditionalFiles", $"-p:LicenseGuardVersion={package.Version}");
        Assert.True(exitCode == 0, output);
        using var document = JsonDocument.Parse(output[output.IndexOf('{')..]);
        return document.RootElement.GetProperty("Items").GetProperty("AdditionalFiles").EnumerateArray()
            .Select(item => item.GetProperty("FullPath").GetString()!)
            .ToList();
    }

    private static int LineOf(string file, string text) =>
        File.ReadAllLines(file).Select((line, index) => (line, index)).First(l => l.line.Contains(text, StringComparison.Ordinal)).index + 1;
}
