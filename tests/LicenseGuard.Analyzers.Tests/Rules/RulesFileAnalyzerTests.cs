using Microsoft.CodeAnalysis.Testing;
using Verify = LicenseGuard.Analyzers.Tests.Harness.Verify<LicenseGuard.Analyzers.Rules.RulesFileAnalyzer>;

namespace LicenseGuard.Analyzers.Tests.Rules;

public class RulesFileAnalyzerTests
{
    private const string Source = "class C { }";

    [Fact]
    public async Task NoRulesFileNoDiagnostic()
    {
        await Verify.AnalyzerAsync(Source);
    }

    [Fact]
    public async Task ARulesPathThatIsAFolderIsReportedAtTheProjectFile()
    {
        var test = Verify.Create(new[] { Source }, new[] { ("/0/App.csproj", "{|#0:|}<Project Sdk=\"Microsoft.NET.Sdk\" />") });
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\n{AnalyzerOptionKeys.RulesFolder} = /0/licenseguard.json\n"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.RulesFileInvalid).WithLocation(0).WithArguments(
            "'/0/licenseguard.json' is a folder, not a rules file: no rules, policy or exceptions were read from it. Move the rules into a file of that name"));

        await test.RunAsync();
    }

    [Fact]
    public async Task ValidRulesFileNoDiagnostic()
    {
        const string rules = """
            {
              "$schema": "https://licenseguard.dev/schema/v1/licenseguard.schema.json",
              // comments are allowed
              "rules": { "LG1003": { "severity": "error", "ignore": ["gpt-4o-mini"] } },
              "services": [ { "id": "openai", "severity": "error" } ],
            }
            """;
        await Verify.AnalyzerAsync(new[] { Source }, new[] { ("/0/licenseguard.json", rules) });
    }

    [Fact]
    public async Task MalformedJsonIsReportedAtTheErrorPosition()
    {
        const string rules = """
            {
              "rules": { "LG1003": { "enabled": false } }
              {|#0:"|}services": []
            }
            """;
        await Verify.AnalyzerAsync(new[] { Source }, new[] { ("/0/licenseguard.json", rules) },
            Verify.Diagnostic(DiagnosticIds.RulesFileInvalid).WithLocation(0)
                .WithArguments("The rules file is not valid JSON: Unexpected character '\"'; ',' or '}' was expected. The whole file was ignored."));
    }

    [Fact]
    public async Task TruncatedFileIsReportedAtItsEnd()
    {
        await Verify.AnalyzerAsync(new[] { Source }, new[] { ("/0/licenseguard.json", "{ \"services\": [ {|#0:|}") },
            Verify.Diagnostic(DiagnosticIds.RulesFileInvalid).WithLocation(0));
    }

    [Fact]
    public async Task UnknownKeysBadSymbolsAndPatternsAreEachReported()
    {
        const string rules = """
            {
              {|#0:"servces"|}: [],
              "services": [
                { "id": "contoso", {|#1:"hostz"|}: ["x.example"], "symbols": ["N:Contoso", {|#2:"Contoso.Client"|}], "hosts": [{|#3:"Not A Host"|}] }
              ],
              "models": [ { "id": "m", "ids": [{|#4:"*"|}], "license": {|#5:"LicenseRef-nope"|} } ],
              "rules": { {|#6:"LGX"|}: {}, "LG1001": { "severity": {|#7:"loud"|} } }
            }
            """;
        await Verify.AnalyzerAsync(new[] { Source }, new[] { ("/0/licenseguard.json", rules) },
            Verify.Diagnostic(DiagnosticIds.RulesFileInvalid).WithLocation(0),
            Verify.Diagnostic(DiagnosticIds.RulesFileInvalid).WithLocation(1),
            Verify.Diagnostic(DiagnosticIds.RulesFileInvalid).WithLocation(2),
            Verify.Diagnostic(DiagnosticIds.RulesFileInvalid).WithLocation(3),
            Verify.Diagnostic(DiagnosticIds.RulesFileInvalid).WithLocation(4),
            Verify.Diagnostic(DiagnosticIds.RulesFileInvalid).WithLocation(5),
            Verify.Diagnostic(DiagnosticIds.RulesFileInvalid).WithLocation(6),
            Verify.Diagnostic(DiagnosticIds.RulesFileInvalid).WithLocation(7));
    }

    [Fact]
    public async Task EachRulesFileGetsItsOwnProblems()
    {
        await Verify.AnalyzerAsync(new[] { Source },
            new[] { ("/0/licenseguard.json", "{ {|#0:\"nope\"|}: 1 }"), ("/0/licenseguard.team.json", "{|#1:[]|}"), ("/0/other.json", "not json at all"), ("/0/obj/licenseguard.inventory.json", "{ \"format\": 1 }"), ("/0/licenseguard.baseline.json", "[]") },
            Verify.Diagnostic(DiagnosticIds.RulesFileInvalid).WithLocation(0),
            Verify.Diagnostic(DiagnosticIds.RulesFileInvalid).WithLocation(1));
    }

    [Fact]
    public async Task ARulesFileTheGatherStepLoadedCleanTodayIsNotLoadedAgain()
    {
        // The gather step reaches a dependency verdict only when the rules files load without problems. Its summary line, under
        // the fingerprint of these very rules texts today, spares LG9001 the load; any other fingerprint means the full check.
        const string rules = """
            {
              "policy": { "classes": { "weak-copyleft": {|#0:"forbid"|} } }
            }
            """;
        string text = rules.Replace("{|#0:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal);
        string Inventory(DateTime day) =>
            "{\n  \"format\": 1,\n  \"summary\": \"verdict=" + LicenseGuard.Policy.RulesFingerprint.Of(new[] { text }, day) + " findings=0 problems=0 weights=0\",\n  \"packages\": []\n}\n";

        await Verify.AnalyzerAsync(new[] { Source }, new[] { ("/0/licenseguard.json", rules), ("/0/obj/licenseguard.inventory.json", Inventory(DateTime.UtcNow.Date)) });
        await Verify.AnalyzerAsync(new[] { Source }, new[] { ("/0/licenseguard.json", rules), ("/0/obj/licenseguard.inventory.json", Inventory(DateTime.UtcNow.Date.AddDays(-1))) },
            Verify.Diagnostic(DiagnosticIds.RulesFileInvalid).WithLocation(0)
                .WithArguments("\"policy.classes.weak-copyleft\" must be \"allow\", \"warn\" or \"deny\"; it was ignored."));
    }
}
