using LicenseGuard.Inventory;
using LicenseGuard.Policy;

namespace LicenseGuard.Gather.Tests;

/// <summary>
/// The gather step's evaluation that lets the analyzer skip the catalog: the findings as the build reports them, under the
/// fingerprint of exactly these rules today; no verdict when the inventory or the rules have a problem or cannot be read.
/// </summary>
public sealed class DependencyPreEvaluationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("licenseguard-preeval-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static ProjectInventory Inventory(params (string Id, string License)[] packages)
    {
        var inventory = new ProjectInventory { Project = "/src/App/App.csproj" };
        foreach (var (id, license) in packages)
        {
            inventory.Packages.Add(new PackageFact { Id = id, Version = "1.0.0", Direct = true, License = new DeclaredLicense { Source = LicenseSource.Expression, Value = license } });
        }

        return inventory;
    }

    [Fact]
    public void PermissivePackagesUnderTheBuiltInRulesHaveAnEmptyVerdictUnderTheFingerprintOfNoRulesFiles()
    {
        var verdict = DependencyPreEvaluation.Reach(Inventory(("Serilog", "Apache-2.0"), ("Dapper", "Apache-2.0")), Array.Empty<string>());
        Assert.NotNull(verdict);
        Assert.Equal(RulesFingerprint.Of(Array.Empty<string>(), DateTime.UtcNow.Date), verdict!.Under);
        Assert.Empty(verdict.Findings);
    }

    [Fact]
    public void APackageWithSomethingToReportIsInTheVerdictAsTheBuildReportsIt()
    {
        var verdict = DependencyPreEvaluation.Reach(Inventory(("Serilog", "Apache-2.0"), ("GplLib", "GPL-3.0-only")), Array.Empty<string>());
        var finding = Assert.Single(verdict!.Findings);
        Assert.Equal("LG3001", finding.RuleId);
        Assert.Equal("error", finding.Severity);
        Assert.Equal("GplLib", finding.DirectReference);
        Assert.Null(finding.ExceptionAt);
        Assert.Equal(new[] { "GplLib 1.0.0", "GPL-3.0-only", "strong-copyleft", "classes.strong-copyleft = deny", "nuspec licence expression" }, finding.Arguments);
        Assert.Contains(finding.Properties, p => p.Key == "licenseClass" && p.Value == "strong-copyleft");

        // It survives the inventory's JSON whole.
        var inventory = Inventory(("GplLib", "GPL-3.0-only"));
        inventory.DependencyVerdict = verdict;
        var read = ProjectInventory.Parse("/obj/licenseguard.inventory.json", inventory.ToJson()).DependencyVerdict!;
        Assert.Equal(verdict.Under, read.Under);
        var readFinding = Assert.Single(read.Findings);
        Assert.Equal(finding.Arguments, readFinding.Arguments);
        Assert.Equal(finding.Properties, readFinding.Properties);
        Assert.Equal((finding.RuleId, finding.Severity, finding.DirectReference), (readFinding.RuleId, readFinding.Severity, readFinding.DirectReference));
    }

    [Fact]
    public void AProblemInTheInventoryMeansNoVerdict()
    {
        var withProblem = Inventory(("Serilog", "Apache-2.0"));
        withProblem.Problems.Add("The .nuspec of Foo 1.0.0 was not found");
        Assert.Null(DependencyPreEvaluation.Reach(withProblem, Array.Empty<string>()));
    }

    [Fact]
    public void TheRulesFilesDecideAndAreFingerprintedInLayeringOrder()
    {
        string rules = Path.Combine(folder, "licenseguard.json");
        File.WriteAllText(rules, """{ "policy": { "licenses": { "GPL-3.0-only": "allow" }, "exceptions": [ { "package": "Unused", "reason": "kept for the test" } ] } }""");
        string baseline = Path.Combine(folder, "licenseguard.baseline.json");
        File.WriteAllText(baseline, "{ }");

        var verdict = DependencyPreEvaluation.Reach(Inventory(("GplLib", "GPL-3.0-only")), new[] { baseline, rules });

        Assert.Equal(RulesFingerprint.Of(new[] { File.ReadAllText(rules) }, DateTime.UtcNow.Date), verdict!.Under);
        var unused = Assert.Single(verdict.Findings); // GplLib allowed; the exception that matches nothing is reported where it is declared
        Assert.Equal("LG3004", unused.RuleId);
        Assert.Null(unused.DirectReference);
        Assert.Equal(rules, unused.ExceptionAt!.Value.Path);
        Assert.True(unused.ExceptionAt.Value.Length > 0);
        File.WriteAllText(rules, """{ "policy": { "licenses": { "GPL-3.0-only": "allow" }, "oops": 1 } }""");
        Assert.Null(DependencyPreEvaluation.Reach(Inventory(("GplLib", "GPL-3.0-only")), new[] { rules }));
        File.WriteAllText(rules, """{ "policy": { "licenses": { "GPL-3.0-on""");
        Assert.Null(DependencyPreEvaluation.Reach(Inventory(("GplLib", "GPL-3.0-only")), new[] { rules }));
    }

    [Fact]
    public void TheInventoryStartsWithASummaryTheAnalyzersReadWithoutParsingIt()
    {
        var clean = Inventory(("Serilog", "Apache-2.0"));
        clean.DependencyVerdict = DependencyPreEvaluation.Reach(clean, Array.Empty<string>());
        var summary = ProjectInventory.ReadSummary(clean.ToJson());
        Assert.NotNull(summary);
        Assert.Equal(clean.DependencyVerdict!.Under, summary!.VerdictUnder);
        Assert.Equal((0, 0, 0), (summary.Findings, summary.Problems, summary.Weights));

        var busy = Inventory(("GplLib", "GPL-3.0-only"));
        busy.DependencyVerdict = DependencyPreEvaluation.Reach(busy, Array.Empty<string>());
        busy.Problems.Add("The .nuspec of Foo 1.0.0 was not found");
        busy.Weights.Add(new WeightFact { Item = "models/llama.gguf" });
        summary = ProjectInventory.ReadSummary(busy.ToJson());
        Assert.Equal((1, 1, 1), (summary!.Findings, summary.Problems, summary.Weights));
        Assert.Null(ProjectInventory.ReadSummary(new ProjectInventory().ToJson())!.VerdictUnder);

        // Anything else is no summary: the analyzers then parse the inventory whole.
        Assert.Null(ProjectInventory.ReadSummary("{ \"format\": 1, \"packages\": [] }"));
        Assert.Null(ProjectInventory.ReadSummary("{ \"summary\": \"verdict=abc findings=x problems=0 weights=0\" }"));
        Assert.Null(ProjectInventory.ReadSummary("{ \"summary\": \"verdict=abc findings=0 problems=0"));
    }

    [Fact]
    public void TheEffectiveCatalogIsHandedOverForRulesFilesThatLoadWithoutProblems()
    {
        string rules = Path.Combine(folder, "licenseguard.json");
        File.WriteAllText(rules, """{ "rules": { "LG1003": { "ignore": ["gpt-4o-mini"] } } }""");

        var inventory = Inventory(("Serilog", "Apache-2.0"));
        DependencyPreEvaluation.Record(inventory, new[] { rules });
        Assert.NotNull(inventory.DependencyVerdict);
        var handedOver = inventory.EffectiveCatalog!;
        Assert.Equal(RulesFingerprint.OfCatalog(new[] { File.ReadAllText(rules) }), handedOver.Under);
        var read = LicenseGuard.Catalog.CompiledCatalog.Read(ProjectInventory.Parse("/obj/licenseguard.inventory.json", inventory.ToJson()).EffectiveCatalog!.Text);
        Assert.Equal(new[] { "gpt-4o-mini" }, read.GetRule("LG1003").Ignore);
        Assert.Equal(LicenseGuard.Catalog.RulesCatalog.BuiltIn.Models.Count, read.Models.Count);

        var withoutRules = Inventory(("Serilog", "Apache-2.0"));
        DependencyPreEvaluation.Record(withoutRules, Array.Empty<string>());
        Assert.NotNull(withoutRules.DependencyVerdict);
        Assert.Null(withoutRules.EffectiveCatalog); // the compiler has the built-in catalog compiled in

        File.WriteAllText(rules, """{ "rules": { "LG1003": { "ignore": 3 } } }""");
        var withProblem = Inventory(("Serilog", "Apache-2.0"));
        DependencyPreEvaluation.Record(withProblem, new[] { rules });
        Assert.Null(withProblem.DependencyVerdict);
        Assert.Null(withProblem.EffectiveCatalog);
    }
}
