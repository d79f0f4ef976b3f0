using LicenseGuard.Inventory;

namespace LicenseGuard.Cli.Tests;

/// <summary>`licenseguard notices` from a build's inventory, through the real tool.</summary>
public class NoticesCommandTests(LocalFeed feed) : IClassFixture<LocalFeed>
{
    private string WriteProject()
    {
        string project = Path.Combine(feed.Root, "notices-" + Guid.NewGuid().ToString("N"));
        string obj = Path.Combine(project, "obj", "Debug", "net10.0");
        Directory.CreateDirectory(obj);
        var inventory = new ProjectInventory { Project = Path.Combine(project, "App.csproj") };
        inventory.Packages.Add(new PackageFact { Id = "EPPlus", Version = "4.5.3.3", Direct = true, License = new DeclaredLicense { Source = LicenseSource.File, Value = "lgpl-3.0.txt", DetectedInFile = "LGPL-3.0-only" } });
        inventory.Packages.Add(new PackageFact { Id = "Newtonsoft.Json", Version = "13.0.3", Direct = true, License = new DeclaredLicense { Source = LicenseSource.Expression, Value = "MIT" } });
        inventory.Packages.Add(new PackageFact { Id = "Some.Analyzers", Version = "1.0.0", Direct = true, Development = true, License = new DeclaredLicense { Source = LicenseSource.Expression, Value = "MIT" } });
        var llama = new WeightFact { Item = "models/llama-3.1-8b.gguf", FullPath = Path.Combine(project, "models", "llama-3.1-8b.gguf"), Format = "gguf" };
        llama.Metadata["general.license"] = "llama3.1";
        llama.NoticeFiles.Add("LICENSE");
        llama.Destinations.Add("output");
        inventory.Weights.Add(llama);
        File.WriteAllText(Path.Combine(obj, ProjectInventory.FileName), inventory.ToJson());
        File.WriteAllText(inventory.Project, "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        return project;
    }

    [Fact]
    public void NoticesListPackagesWithObligationsAndWeightsWithTheirConditions()
    {
        string project = WriteProject();

        var (code, stdout, stderr) = feed.Tool(null, "notices", project);

        Assert.True(code == 0, stderr);
        Assert.StartsWith("# Third-party notices for App", stdout, StringComparison.Ordinal);
        Assert.Contains("### EPPlus 4.5.3.3", stdout);
        Assert.Contains("- Licence: LGPL-3.0-only (recognised from: licence file 'lgpl-3.0.txt' matches the SPDX text of LGPL-3.0-only", stdout);
        Assert.Contains("- Licence file in the package: `lgpl-3.0.txt` — include its text", stdout);
        Assert.Contains("### Newtonsoft.Json 13.0.3", stdout);
        Assert.Contains("- Keep the copyright and permission notice with every copy.", stdout);
        Assert.DoesNotContain("Some.Analyzers", stdout);
        Assert.Contains("### models/llama-3.1-8b.gguf", stdout);
        Assert.Contains("- Licence: LicenseRef-hf-llama3.1 (open-weights-restricted), from file metadata (gguf general.license)", stdout);
        Assert.Contains("display \"Built with Llama\"", stdout);
        Assert.Contains("- Include `LICENSE` from next to the weights", stdout);
    }

    [Fact]
    public void NoticesCanBeWrittenToAFile()
    {
        string project = WriteProject();
        string output = Path.Combine(project, "THIRD-PARTY-NOTICES.md");

        var (code, stdout, _) = feed.Tool(null, "notices", Path.Combine(project, "App.csproj"), "--output", output);

        Assert.Equal(0, code);
        Assert.Empty(stdout);
        Assert.Contains("### EPPlus 4.5.3.3", File.ReadAllText(output));
    }

    [Fact]
    public void FolderWithoutAProjectOrInventoryIsAUsageError()
    {
        string empty = Path.Combine(feed.Root, "never-built");
        Directory.CreateDirectory(empty);

        var (code, _, stderr) = feed.Tool(null, "notices", empty);

        Assert.Equal(2, code);
        Assert.Contains("no single C# project there", stderr);
    }
}

/// <summary>`licenseguard notices` on a project that never saw the LicenseGuard package: the facts are gathered as `scan` does.</summary>
public sealed class NoticesGatherTests(ScanWorkspace workspace) : IClassFixture<ScanWorkspace>
{
    [Fact]
    public void NoticesGatherTheFactsOfAProjectThatWasNeverBuilt()
    {
        string root = workspace.Copy();

        var (code, stdout, stderr) = ScanWorkspace.Tool(root, "notices", "App");

        Assert.True(code == 0, stderr);
        Assert.Contains("Gathering licence facts for App.csproj", stderr);
        Assert.StartsWith("# Third-party notices for App", stdout, StringComparison.Ordinal);
        Assert.Contains("### OpenAI 2.15.0", stdout);
        Assert.Contains("- Licence: MIT", stdout);
        Assert.Contains("### models/llama-3.1-8b-instruct.Q4_K_M.gguf", stdout);
        Assert.Contains("Built with Llama", stdout);
    }
}
