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

        var build = package.Build(project);
        var (code, stdout, stderr) = Tool(project, "scan", ".", "--json", "--property", "LicenseGuardVersion=" + package.Version);

        Assert.True(code is 0 or 1, stderr + stdout);
        var scanned = JsonNode.Parse(stdout)!["projects"]!.AsArray().SelectMany(p => p!["findings"]!.AsArray())
            .Select(f => (f!["id"]!.GetValue<string>(), Path.GetFileName(f["file"]!.GetValue<string>()), f["line"]!.GetValue<int>(), SarifLevel(f["severity"]!.GetValue<string>())))
            .Order().ToList();
        var built = build.LicenseGuardResults.Select(r => (r.RuleId, r.File, r.Line, r.Level)).Order().ToList();
        Assert.NotEmpty(built);
        Assert.Equal(built, scanned);
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
    }

    private static string SarifLevel(string severity) => severity == "info" ? "note" : severity;

    private static (int ExitCode, string Stdout, string Stderr) Tool(string directory, params string[] arguments) => LicenseGuard.Cli.Tests.ToolRunner.Run(directory, arguments);
}
