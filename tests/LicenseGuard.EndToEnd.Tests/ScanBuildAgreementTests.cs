using System.Text.Json.Nodes;

namespace LicenseGuard.EndToEnd.Tests;

/// <summary>
/// `licenseguard scan` and `dotnet build` with the package judge the same way (one evaluator, the same analyzers), and the
/// build honours the baseline `licenseguard baseline` writes.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ScanBuildAgreementTests(PackedLicenseGuard package)
{
    [Theory]
    [InlineData("SupportBot")]
    [InlineData("InvoiceExporter")]
    [InlineData("WeightsShipper")]
    public void ScanReportsWhatTheBuildReports(string sample)
    {
        string project = package.CopySample(sample);
        if (sample == "WeightsShipper")
        {
            package.MakeWeights(project);
        }

        AssertScanReportsWhatTheBuildReports(project);
    }

    /// <summary>
    /// Issue 24, item 5: one rule for referenced projects in build and scan — a vendored copy of an SDK built by a
    /// ProjectReference is the vendor's (its catalogued type is reported), a helper project named like the vendor is not.
    /// </summary>
    [Fact]
    public void ReferencedProjectsFollowOneRuleInBuildAndScan()
    {
        string root = Path.Combine(package.WorkRoot, $"projects-{Guid.NewGuid():N}");
        foreach (var (name, source) in new[]
        {
            ("Anthropic.Vendored", "namespace Anthropic { public class AnthropicClient { public string Send(string p) => p; } }"),
            ("Anthropic.Samples.Terminal", "namespace Anthropic.Samples.Terminal { public static class Output { public static void Print(string t) => System.Console.WriteLine(t); } }"),
        })
        {
            Directory.CreateDirectory(Path.Combine(root, name));
            File.WriteAllText(Path.Combine(root, name, name + ".csproj"), """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
            File.WriteAllText(Path.Combine(root, name, "Code.cs"), source);
        }

        string app = Path.Combine(root, "App");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "App.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../Anthropic.Vendored/Anthropic.Vendored.csproj" />
                <ProjectReference Include="../Anthropic.Samples.Terminal/Anthropic.Samples.Terminal.csproj" />
                <PackageReference Include="LicenseGuard" Version="$(LicenseGuardVersion)" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            var client = new Anthropic.AnthropicClient();
            Anthropic.Samples.Terminal.Output.Print(client.Send("hi"));
            """);

        var reported = AssertScanReportsWhatTheBuildReports(app);

        Assert.Equal(new[] { ("LG1001", "Program.cs", 1, "warning"), ("LG1001", "Program.cs", 2, "warning") }, reported);
    }

    /// <summary>The configurations real repositories use: scan applies them exactly as the build does.</summary>
    [Theory]
    [InlineData("bulk-silencing")]
    [InlineData("editorconfig-and-globalconfig")]
    [InlineData("central-packages-and-directory-build")]
    [InlineData("repository-silencing-all-analyzers-with-analysis-mode-all")]
    public void ScanAppliesTheSameConfigurationAsTheBuild(string setup)
    {
        string project = package.CopySample("SupportBot");
        switch (setup)
        {
            case "repository-silencing-all-analyzers-with-analysis-mode-all":
                // Issue 24, item 8: the layout of a large public repository whose scan missed what its build reported — the
                // project two folders down, a root .editorconfig that silences every analyzer in a [*.cs] section, turns some
                // other analyzers' IDs back on, and has later path sections; a Directory.Build.props with AnalysisMode All.
                string repository = Path.Combine(package.WorkRoot, $"repository-{Guid.NewGuid():N}");
                string nested = Path.Combine(repository, "extensions", "OpenAI", "SupportBot");
                Directory.CreateDirectory(Path.GetDirectoryName(nested)!);
                Directory.Move(project, nested);
                project = nested;
                File.WriteAllText(Path.Combine(repository, ".editorconfig"), """
                    root = true

                    [*]
                    indent_style = space
                    insert_final_newline = true

                    [*.{cs,vb}]
                    dotnet_style_qualification_for_field = false:suggestion
                    dotnet_code_quality_unused_parameters = all:suggestion

                    [*.cs]
                    dotnet_analyzer_diagnostic.severity = none
                    dotnet_diagnostic.CA1050.severity = warning
                    dotnet_diagnostic.IDE0005.severity = warning

                    [{clients,extensions,service,tools}/**.cs]
                    dotnet_naming_rule.async_methods_end_in_async.severity = error

                    [**/{*.UnitTests,TestHelpers}/**.cs]
                    dotnet_diagnostic.CA1031.severity = none
                    """);
                File.WriteAllText(Path.Combine(repository, "Directory.Build.props"), """
                    <Project>
                      <PropertyGroup>
                        <RunAnalyzersDuringBuild>true</RunAnalyzersDuringBuild>
                        <EnableNETAnalyzers>true</EnableNETAnalyzers>
                        <AnalysisMode>All</AnalysisMode>
                        <AnalysisLevel>latest</AnalysisLevel>
                        <GenerateDocumentationFile>true</GenerateDocumentationFile>
                        <NoWarn>$(NoWarn);CS1591</NoWarn>
                      </PropertyGroup>
                    </Project>
                    """);
                break;
            case "bulk-silencing":
                // A repository that silences analyzers wholesale; the package's ID-specific defaults still apply.
                File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n[*.cs]\ndotnet_analyzer_diagnostic.severity = none\n");
                break;
            case "editorconfig-and-globalconfig":
                File.WriteAllText(Path.Combine(project, ".globalconfig"), "is_global = true\ndotnet_diagnostic.LG1003.severity = error\n");
                File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n[*.cs]\ndotnet_diagnostic.LG1001.severity = suggestion\n[ReplyDrafter.cs]\ndotnet_diagnostic.LG1003.severity = none\n");
                break;
            default:
                File.WriteAllText(Path.Combine(project, "Directory.Build.props"), """
                    <Project>
                      <PropertyGroup>
                        <NoWarn>$(NoWarn);LG1002</NoWarn>
                        <WarningsAsErrors>$(WarningsAsErrors);LG3003</WarningsAsErrors>
                      </PropertyGroup>
                    </Project>
                    """);
                File.WriteAllText(Path.Combine(project, "Directory.Packages.props"), """
                    <Project>
                      <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>
                      <ItemGroup>
                        <PackageVersion Include="OpenAI" Version="2.15.0" />
                        <PackageVersion Include="Anthropic" Version="13.14.0" />
                        <PackageVersion Include="Microsoft.Extensions.AI.OpenAI" Version="10.11.0" />
                        <PackageVersion Include="LicenseGuard" Version="$(LicenseGuardVersion)" />
                      </ItemGroup>
                    </Project>
                    """);
                string csproj = Path.Combine(project, "SupportBot.csproj");
                File.WriteAllText(csproj, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(csproj), " Version=\"[^\"]*\"", string.Empty));
                break;
        }

        var built = AssertScanReportsWhatTheBuildReports(project);

        // The configuration did something, so agreement is not agreement on defaults.
        switch (setup)
        {
            case "editorconfig-and-globalconfig":
                Assert.Contains(built, b => b.RuleId == "LG1003" && b.Level == "error");
                Assert.Contains(built, b => b.RuleId == "LG1001" && b.Level == "note");
                Assert.DoesNotContain(built, b => b.RuleId == "LG1003" && b.File == "ReplyDrafter.cs");
                break;
            case "repository-silencing-all-analyzers-with-analysis-mode-all":
                Assert.Equal(new[] { "LG1001", "LG1002", "LG1003", "LG3003" }, built.Select(b => b.RuleId).Distinct().Order());
                break;
            case "central-packages-and-directory-build":
                Assert.DoesNotContain(built, b => b.RuleId == "LG1002");
                Assert.Contains(built, b => b.RuleId == "LG3003" && b.Level == "error");
                break;
        }
    }

    [Fact]
    public void BuildHonoursTheBaselineAndStillReportsNewFindings()
    {
        string project = package.CopySample("SupportBot");
        var (code, _, stderr) = Tool(project, "baseline", ".", "--property", "LicenseGuardVersion=" + package.Version);
        Assert.True(code == 0, stderr);
        Assert.True(File.Exists(Path.Combine(project, "licenseguard.baseline.json")));

        var accepted = package.Build(project);
        Assert.True(accepted.ExitCode == 0, accepted.Output);
        Assert.Empty(accepted.LicenseGuardResults);

        string triage = Path.Combine(project, "TicketTriage.cs");
        File.WriteAllText(triage, "// Moved down by a header.\n\n" + File.ReadAllText(triage).Replace("\"gpt-4o-mini\"", "\"gpt-4.1-mini\"", StringComparison.Ordinal));
        var changed = package.Build(project);
        var result = Assert.Single(changed.LicenseGuardResults);
        Assert.Equal(("LG1003", "TicketTriage.cs"), (result.RuleId, result.File));
        Assert.Contains("'gpt-4.1-mini'", result.Message);

        // Issue 24: a finding that looks exactly like accepted ones (a target-typed AudioClient next to another) is new, and
        // both the build and scan report it.
        string voice = Path.Combine(project, "VoiceTickets.cs");
        File.WriteAllText(voice, File.ReadAllText(voice).Replace(
            "        var audio = new AudioClient(\"whisper-1\", apiKey);\n",
            "        var audio = new AudioClient(\"whisper-1\", apiKey);\n        AudioClient backup = new(\"whisper-1\", apiKey);\n",
            StringComparison.Ordinal));
        int line = File.ReadAllLines(voice).ToList().FindIndex(l => l.Contains("AudioClient backup", StringComparison.Ordinal)) + 1;
        var built = package.Build(project).LicenseGuardResults.Select(r => (r.RuleId, r.File, r.Line)).Order().ToList();
        var (scanCode, scanOut, scanErr) = Tool(project, "scan", ".", "--json", "--property", "LicenseGuardVersion=" + package.Version);
        Assert.True(scanCode is 0 or 1, scanErr + scanOut);
        var scanned = JsonNode.Parse(scanOut)!["projects"]!.AsArray().SelectMany(p => p!["findings"]!.AsArray())
            .Select(f => (f!["id"]!.GetValue<string>(), Path.GetFileName(f["file"]!.GetValue<string>()), f["line"]!.GetValue<int>()))
            .ToList();
        var expected = new[] { ("LG1001", "VoiceTickets.cs", line), ("LG1003", "VoiceTickets.cs", line), ("LG1003", "TicketTriage.cs", result.Line) }.Order().ToList();
        Assert.Equal(expected, built);
        // Only scan sees every finding, so only scan reports the entry of the replaced 'gpt-4o-mini' as stale (LG9003).
        Assert.Equal(expected, scanned.Where(f => f.Item1 != "LG9003").Order().ToList());
        Assert.Equal(("LG9003", "licenseguard.baseline.json"), scanned.Where(f => f.Item1 == "LG9003").Select(f => (f.Item1, f.Item2)).Single());
    }

    /// <summary>Builds the project with the package and scans it; asserts both report the same (id, file, line, level), and returns them.</summary>
    private List<(string RuleId, string File, int Line, string Level)> AssertScanReportsWhatTheBuildReports(string project)
    {
        var build = package.Build(project);
        var (code, stdout, stderr) = Tool(project, "scan", ".", "--json", "--property", "LicenseGuardVersion=" + package.Version);

        Assert.True(code is 0 or 1, stderr + stdout);
        var scanned = JsonNode.Parse(stdout)!["projects"]!.AsArray().SelectMany(p => p!["findings"]!.AsArray())
            .Select(f => (f!["id"]!.GetValue<string>(), Path.GetFileName(f["file"]!.GetValue<string>()), f["line"]!.GetValue<int>(), SarifLevel(f["severity"]!.GetValue<string>())))
            .Order().ToList();
        var built = build.LicenseGuardResults.Select(r => (r.RuleId, r.File, r.Line, r.Level)).Order().ToList();
        Assert.NotEmpty(built);
        Assert.Equal(built, scanned);
        return built;
    }

    private static string SarifLevel(string severity) => severity == "info" ? "note" : severity;

    private static (int ExitCode, string Stdout, string Stderr) Tool(string directory, params string[] arguments) => LicenseGuard.Cli.Tests.ToolRunner.Run(directory, arguments);
}
