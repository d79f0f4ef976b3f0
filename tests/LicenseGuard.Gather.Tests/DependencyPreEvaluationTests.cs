using LicenseGuard.Inventory;
using LicenseGuard.Policy;

namespace LicenseGuard.Gather.Tests;

/// <summary>
/// The gather step's evaluation that lets the analyzer skip the catalog: a fingerprint only when the packages have nothing to
/// report under exactly these rules today, never when they have something or the rules cannot be read.
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
    public void PermissivePackagesUnderTheBuiltInRulesHaveTheFingerprintOfNoRulesFiles()
    {
        string? fingerprint = DependencyPreEvaluation.NothingToReportUnder(Inventory(("Serilog", "Apache-2.0"), ("Dapper", "Apache-2.0")), Array.Empty<string>());
        Assert.Equal(RulesFingerprint.Of(Array.Empty<string>(), DateTime.UtcNow.Date), fingerprint);
    }

    [Fact]
    public void APackageWithSomethingToReportHasNoFingerprint()
    {
        Assert.Null(DependencyPreEvaluation.NothingToReportUnder(Inventory(("Serilog", "Apache-2.0"), ("GplLib", "GPL-3.0-only")), Array.Empty<string>()));
        var withProblem = Inventory(("Serilog", "Apache-2.0"));
        withProblem.Problems.Add("The .nuspec of Foo 1.0.0 was not found");
        Assert.Null(DependencyPreEvaluation.NothingToReportUnder(withProblem, Array.Empty<string>()));
    }

    [Fact]
    public void TheRulesFilesDecideAndAreFingerprintedInLayeringOrder()
    {
        string rules = Path.Combine(folder, "licenseguard.json");
        File.WriteAllText(rules, """{ "policy": { "licenses": { "GPL-3.0-only": "allow" } } }""");
        string baseline = Path.Combine(folder, "licenseguard.baseline.json");
        File.WriteAllText(baseline, "{ }");

        string? fingerprint = DependencyPreEvaluation.NothingToReportUnder(Inventory(("GplLib", "GPL-3.0-only")), new[] { baseline, rules });

        Assert.Equal(RulesFingerprint.Of(new[] { File.ReadAllText(rules) }, DateTime.UtcNow.Date), fingerprint);
        File.WriteAllText(rules, """{ "policy": { "licenses": { "GPL-3.0-only": "allow" }, "oops": 1 } }""");
        Assert.Null(DependencyPreEvaluation.NothingToReportUnder(Inventory(("GplLib", "GPL-3.0-only")), new[] { rules }));
        File.WriteAllText(rules, """{ "policy": { "licenses": { "GPL-3.0-on""");
        Assert.Null(DependencyPreEvaluation.NothingToReportUnder(Inventory(("GplLib", "GPL-3.0-only")), new[] { rules }));
    }
}
