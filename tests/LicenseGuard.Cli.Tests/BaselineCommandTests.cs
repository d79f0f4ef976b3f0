using System.Text.Json.Nodes;

namespace LicenseGuard.Cli.Tests;

/// <summary>`licenseguard baseline` and how `scan` applies it, through the real tool.</summary>
public sealed class BaselineCommandTests(ScanWorkspace workspace) : IClassFixture<ScanWorkspace>
{
    [Fact]
    public void BaselineRoundTripSurvivesMovedLinesAndStillReportsNewFindings()
    {
        string root = workspace.Copy();
        string triage = Path.Combine(root, "App", "TicketTriage.cs");

        var (code, _, stderr) = ScanWorkspace.Tool(root, "baseline");

        Assert.True(code == 0, stderr);
        string baseline = Path.Combine(root, "App", "licenseguard.baseline.json");
        Assert.True(File.Exists(baseline));
        Assert.False(File.Exists(Path.Combine(root, "Clean", "licenseguard.baseline.json")));
        Assert.Contains("wrote", stderr);
        var entries = JsonNode.Parse(File.ReadAllText(baseline))!["findings"]!.AsArray();
        Assert.Contains(entries, e => e!["id"]!.GetValue<string>() == "LG1001" && e["file"]!.GetValue<string>() == "TicketTriage.cs");
        Assert.Contains(entries, e => e!["id"]!.GetValue<string>() == "LG3003" && e["file"]!.GetValue<string>() == "App.csproj");

        var accepted = Scan(root);
        Assert.Equal(0, accepted.Code);
        Assert.Empty(Findings(accepted.Report));
        Assert.Equal(entries.Count, accepted.Report["summary"]!["baselined"]!.GetValue<int>());

        // Lines move: a licence header and a blank line push every finding down; nothing new is reported.
        File.WriteAllText(triage, "// Copyright (c) Contoso.\n// Licensed under the MIT licence.\n\n" + File.ReadAllText(triage));
        var moved = Scan(root);
        Assert.Equal(0, moved.Code);
        Assert.Empty(Findings(moved.Report));

        // A new use of a proprietary API is reported, and only it.
        File.WriteAllText(triage, File.ReadAllText(triage).Replace(
            "    public static async Task<string> ClassifyAsync",
            "    public static ChatClient Summarizer(string apiKey) => new ChatClient(\"gpt-4.1\", apiKey);\n\n    public static async Task<string> ClassifyAsync",
            StringComparison.Ordinal));
        var added = Scan(root);
        Assert.Equal(1, added.Code);
        int line = ScanWorkspace.LineOf(triage, "\"gpt-4.1\"");
        Assert.Equal(
            new[] { "LG1001@" + line, "LG1003@" + line },
            Findings(added.Report).Select(f => f["id"]!.GetValue<string>() + "@" + f["line"]!.GetValue<int>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EntriesThatMatchNothingAreReportedAsStaleAndDroppedWhenTheBaselineIsRewritten()
    {
        string root = workspace.Copy();
        string triage = Path.Combine(root, "App", "TicketTriage.cs");
        Assert.Equal(0, ScanWorkspace.Tool(root, "baseline").ExitCode);
        string baseline = Path.Combine(root, "App", "licenseguard.baseline.json");
        int before = JsonNode.Parse(File.ReadAllText(baseline))!["findings"]!.AsArray().Count;

        File.WriteAllText(triage, File.ReadAllText(triage).Replace(
            "ChatCompletion completion = await chat.CompleteChatAsync(ticket);\n        return completion.Content[0].Text;",
            "await Task.Yield();\n        return ticket;",
            StringComparison.Ordinal));
        var stale = Scan(root);

        var finding = Assert.Single(Findings(stale.Report));
        Assert.Equal("LG9003", finding["id"]!.GetValue<string>());
        Assert.Equal("App/licenseguard.baseline.json", finding["file"]!.GetValue<string>());
        Assert.Contains("Baseline entry LG1001", finding["message"]!.GetValue<string>());
        Assert.True(finding["line"]!.GetValue<int>() > 1);
        Assert.Equal(1, stale.Code);

        var (code, _, stderr) = ScanWorkspace.Tool(root, "baseline", "App");
        Assert.True(code == 0, stderr);
        Assert.Contains("dropped 1 stale", stderr);
        Assert.Equal(before - 1, JsonNode.Parse(File.ReadAllText(baseline))!["findings"]!.AsArray().Count);
        Assert.Empty(Findings(Scan(root).Report));
    }

    [Fact]
    public void MalformedBaselineIsAnInvalidConfigurationFileAndAcceptsNothing()
    {
        string root = workspace.Copy();
        File.WriteAllText(Path.Combine(root, "App", "licenseguard.baseline.json"), "{ \"version\": 1, \"findings\": [ { \"id\": \"LG1001\" ");

        var (code, stdout, _) = ScanWorkspace.Tool(root, "scan", "App", "--json");

        Assert.Equal(3, code);
        var findings = JsonNode.Parse(stdout)!["projects"]![0]!["findings"]!.AsArray();
        Assert.Contains(findings, f => f!["id"]!.GetValue<string>() == "LG9001" && f["file"]!.GetValue<string>() == "licenseguard.baseline.json");
        Assert.Contains(findings, f => f!["id"]!.GetValue<string>() == "LG1001");
    }

    private static (int Code, JsonNode Report) Scan(string root)
    {
        var (code, stdout, stderr) = ScanWorkspace.Tool(root, "scan", "--json", "--fail-on", "warning");
        Assert.True(code is 0 or 1, stderr);
        return (code, JsonNode.Parse(stdout)!);
    }

    private static List<JsonNode> Findings(JsonNode report) =>
        report["projects"]!.AsArray().SelectMany(p => p!["findings"]!.AsArray()).Select(f => f!).ToList();
}
