using LicenseGuard.Catalog;
using LicenseGuard.Inventory;
using LicenseGuard.Licensing;
using LicenseGuard.Policy;

namespace LicenseGuard.Core.Tests;

/// <summary>
/// How the evaluator turns gathered facts into a licence and a class: catalog facts for relicensed packages, licence-file
/// titles for licences the SPDX list lacks, WITH exceptions, and the precedence between them. The package shapes are those
/// of real packages: EPPlus 8 ships the PolyForm Noncommercial text as its licence file; ImageSharp 3 and later ship the
/// Six Labors Split License, which embeds Apache-2.0 wording.
/// </summary>
public class LicenseRecognitionTests
{
    private static readonly DateTime Today = new(2026, 11, 30);

    private static PackageFact File(string id, string version, string? detected, string? title = null) =>
        new() { Id = id, Version = version, Direct = true, License = new DeclaredLicense { Source = LicenseSource.File, Value = "LICENSE.md", DetectedInFile = detected, FileTitle = title } };

    private static PackageFact Expression(string id, string version, string expression) =>
        new() { Id = id, Version = version, Direct = true, License = new DeclaredLicense { Source = LicenseSource.Expression, Value = expression } };

    private static RulesCatalog Catalog(string json = "{}") => RulesCatalog.Load(new[] { new RulesSource("/repo/licenseguard.json", json) });

    private static (string License, string Classes, string Origin) Resolve(PackageFact package, RulesCatalog? catalog = null)
    {
        catalog ??= Catalog();
        var (expression, origin) = DependencyEvaluator.ResolveLicense(package, catalog);
        return (expression?.ToDisplayString() ?? "unknown", expression == null ? "unknown" : string.Join(" / ", expression.Terms.Select(t => DependencyEvaluator.ClassOf(t, catalog))), origin);
    }

    [Fact]
    public void ImageSharpFromThreeOnIsTheSplitLicenceEvenWhenItsTextLooksLikeApache()
    {
        var result = Resolve(File("SixLabors.ImageSharp", "4.1.3", detected: "Apache-2.0", title: "Six Labors Split License"));

        Assert.Equal(("LicenseRef-SixLabors-Split-1.0", "proprietary"), (result.License, result.Classes));
        Assert.StartsWith("catalog fact for SixLabors.ImageSharp [3.0.0,)", result.Origin);
        var finding = Assert.Single(DependencyEvaluator.Evaluate(new[] { File("SixLabors.ImageSharp", "3.1.5", null) }, Catalog(), Today));
        Assert.Equal((DependencyEvaluator.LicenseNotAllowed, PolicyAction.Deny, "proprietary"), (finding.RuleId, finding.Action, finding.LicenseClass));
    }

    [Fact]
    public void AFileTitledWithACataloguedLicenceIsThatLicenceForAnyPackage()
    {
        var result = Resolve(File("Contoso.Imaging", "1.0.0", detected: null, title: "Six Labors Split License"));

        Assert.Equal(("LicenseRef-SixLabors-Split-1.0", "proprietary"), (result.License, result.Classes));
        Assert.Contains("is titled \"Six Labors Split License\", catalogued as LicenseRef-SixLabors-Split-1.0", result.Origin);
    }

    [Theory]
    [InlineData("# PolyForm Noncommercial License 1.0.0", "PolyForm-Noncommercial-1.0.0", "non-commercial")]
    [InlineData("Business Source License 1.1", "BUSL-1.1", "proprietary")]
    [InlineData("Elastic License 2.0 (ELv2)", "Elastic-2.0", "proprietary")]
    [InlineData("\"Commons Clause\" License Condition v1.0", "LicenseRef-Commons-Clause-1.0", "proprietary")]
    [InlineData("PolyForm Shield License 1.0.0", "LicenseRef-PolyForm-Shield-1.0.0", "proprietary")]
    [InlineData("Server Side Public License", "SSPL-1.0", "proprietary")]
    public void SourceAvailableAndCommercialTitlesAreRecognised(string title, string license, string classes)
    {
        var result = Resolve(File("Contoso.Lib", "2.0.0", detected: null, title: title));
        Assert.Equal((license, classes), (result.License, result.Classes));
    }

    [Theory]
    [InlineData("LGPL v3 License|Commercial License", "LGPL-3.0 OR LicenseRef-commercial", "weak-copyleft / proprietary")]
    [InlineData("RPL 1.5|Commercial Licence", "RPL-1.5 OR LicenseRef-commercial", "network-copyleft / proprietary")]
    [InlineData("MIT|Apache License, Version 2.0", "MIT OR Apache-2.0", "permissive / permissive")]
    [InlineData("PolyForm Noncommercial License 1.0.0|Commercial License", "PolyForm-Noncommercial-1.0.0 OR LicenseRef-commercial", "non-commercial / proprietary")]
    public void AFileThatOffersAChoiceInSectionsIsTheOrOfTheLicencesItsHeadingsName(string headings, string license, string classes)
    {
        var package = File("Contoso.Jobs", "2.0.0", detected: null, title: "License");
        package.License.FileSections.AddRange(headings.Split('|'));

        var result = Resolve(package);

        Assert.Equal((license, classes), (result.License, result.Classes));
        Assert.Contains("offers a choice of licences in sections", result.Origin);
    }

    [Fact]
    public void AnOfferedChoiceWithASectionLicenseGuardDoesNotKnowIsUnknownNotTheBranchItKnows()
    {
        // An unknown branch could be the only one the package really offers for your use: no guessing from the known one.
        var package = File("Contoso.Jobs", "2.0.0", detected: null, title: "License");
        package.License.FileSections.AddRange(new[] { "MIT License", "Contoso Community Terms" });

        var result = Resolve(package);

        Assert.Equal("unknown", result.License);
        Assert.Contains("\"Contoso Community Terms\" is not a licence LicenseGuard knows", result.Origin);
    }

    [Fact]
    public void ASectionHeadingIsNeverAWholeFileTitle()
    {
        // "MIT License" names a branch of an offered choice; a whole file must still match the MIT text to be MIT.
        Assert.Equal("unknown", Resolve(File("Contoso.Lib", "1.0.0", detected: null, title: "MIT License")).License);
        Assert.Equal("LicenseRef-commercial", Resolve(File("Contoso.Lib", "1.0.0", detected: null, title: "Commercial License")).License);
    }

    [Fact]
    public void AWordInsideATitleIsNotATitle()
    {
        Assert.Equal("unknown", Resolve(File("Contoso.Lib", "1.0.0", detected: null, title: "This library is not under the Business Source License 1.1")).License);
    }

    [Fact]
    public void EPPlusFromFiveOnIsNonCommercialOrCommercialAndDenied()
    {
        var result = Resolve(File("EPPlus", "8.7.2", detected: "PolyForm-Noncommercial-1.0.0"));

        Assert.Equal(("PolyForm-Noncommercial-1.0.0 OR LicenseRef-epplus-commercial", "non-commercial / proprietary"), (result.License, result.Classes));
        var finding = Assert.Single(DependencyEvaluator.Evaluate(new[] { File("EPPlus", "8.7.2", "PolyForm-Noncommercial-1.0.0") }, Catalog(), Today));
        Assert.Equal(PolicyAction.Deny, finding.Action);
    }

    [Fact]
    public void EPPlusFourIsStillLgpl()
    {
        var result = Resolve(File("EPPlus", "4.5.3.3", detected: "LGPL-3.0-only"));
        Assert.Equal(("LGPL-3.0-only", "weak-copyleft"), (result.License, result.Classes));
    }

    [Fact]
    public void ADeclaredExpressionWinsOverACatalogFactButNotOverTheUsersClarification()
    {
        // A catalog fact fills in missing metadata; it never overrides what a package states.
        Assert.Equal("MIT", Resolve(Expression("MediatR", "14.0.0", "MIT")).License);

        var user = Catalog("""{ "policy": { "clarify": [ { "package": "MediatR", "version": "[13.0.0,)", "license": "LicenseRef-luckypenny-commercial", "reason": "We hold a commercial licence." } ] } }""");
        var result = Resolve(File("MediatR", "13.1.0", detected: null), user);
        Assert.Equal("LicenseRef-luckypenny-commercial", result.License);
        Assert.StartsWith("clarified in licenseguard.json: We hold a commercial licence.", result.Origin);
    }

    [Theory]
    [InlineData("GPL-2.0-only WITH Universal-FOSS-exception-1.0", "strong-copyleft")]
    [InlineData("GPL-2.0-only WITH Classpath-exception-2.0", "weak-copyleft")]
    [InlineData("GPL-3.0-or-later WITH GCC-exception-3.1", "weak-copyleft")]
    [InlineData("Apache-2.0 WITH LLVM-exception", "permissive")]
    [InlineData("LGPL-2.1-only WITH Universal-FOSS-exception-1.0", "weak-copyleft")]
    [InlineData("GPL-2.0-only WITH Some-Unknown-exception", "strong-copyleft")]
    [InlineData("LicenseRef-contoso WITH LLVM-exception", "unknown")]
    public void ExceptionsRelaxTheirLicenceButNeverMakeItStricterOrDecideAlone(string expression, string expected)
    {
        var term = Assert.Single(LicenseExpression.Parse(expression).Terms);
        Assert.Equal(expected, DependencyEvaluator.ClassOf(term, Catalog()));
    }

    [Fact]
    public void EveryBuiltInCatalogFactNamesCataloguedLicencesAndItsEvidence()
    {
        var catalog = RulesCatalog.BuiltIn;
        var facts = catalog.Policy.Clarifications.Where(c => c.BuiltIn).ToList();

        Assert.True(facts.Count >= 10, $"{facts.Count} facts");
        Assert.All(facts, fact =>
        {
            Assert.True(fact.Reason.Length > 30, $"{fact.Package}: the reason must say where the fact comes from");
            Assert.All(LicenseExpression.Parse(fact.License).Terms, t => Assert.NotEqual(LicenseClasses.Unknown, DependencyEvaluator.ClassOf(t, catalog)));
        });
    }
}

/// <summary>The baseline's recorded package licences and LG3005.</summary>
public class LicenceChangeSinceBaselineTests
{
    private static PackageFact Package(string id, string version, string expression) =>
        new() { Id = id, Version = version, Direct = true, License = new DeclaredLicense { Source = LicenseSource.Expression, Value = expression } };

    private static readonly RulesCatalog Catalog = RulesCatalog.Load(Array.Empty<RulesSource>());

    [Fact]
    public void AChangedClassIsReportedAndTheSameClassIsNot()
    {
        var baseline = new[]
        {
            new LicenseGuard.Baselines.BaselinePackage { Id = "Contoso.Sheets", Version = "1.0.0", License = "MIT", Class = "permissive" },
            new LicenseGuard.Baselines.BaselinePackage { Id = "Contoso.Text", Version = "3.0.0", License = "MIT", Class = "permissive" },
        };

        var findings = DependencyEvaluator.Evaluate(
            new[] { Package("Contoso.Sheets", "2.0.0", "BUSL-1.1"), Package("Contoso.Text", "3.1.0", "Apache-2.0"), Package("Contoso.New", "1.0.0", "MIT") },
            Catalog, new DateTime(2026, 11, 30), baseline: baseline);

        var change = Assert.Single(findings, f => f.RuleId == DependencyEvaluator.LicenseChanged);
        Assert.Equal(("Contoso.Sheets 2.0.0", "BUSL-1.1", "proprietary", PolicyAction.Warn), (change.Subject, change.License, change.LicenseClass, change.Action));
        Assert.StartsWith("the baseline recorded Contoso.Sheets 1.0.0 as MIT (permissive)", change.Origin);
    }

    [Fact]
    public void TheBaselineFileRoundTripsItsPackagesAndOldBaselinesHaveNone()
    {
        var packages = new[] { new LicenseGuard.Baselines.BaselinePackage { Id = "Hangfire.Core", Version = "1.8.25", License = "LGPL-3.0-or-later OR LicenseRef-hangfire-commercial", Class = "weak-copyleft / proprietary" } };
        string json = LicenseGuard.Baselines.BaselineFile.ToJson(Array.Empty<LicenseGuard.Baselines.BaselineEntry>(), packages);

        var read = Assert.Single(LicenseGuard.Baselines.BaselineFile.ParsePackages("licenseguard.baseline.json", json));
        Assert.Equal(("Hangfire.Core", "1.8.25", "weak-copyleft / proprietary"), (read.Id, read.Version, read.Class));
        Assert.Empty(LicenseGuard.Baselines.BaselineFile.ParsePackages("old.json", """{ "version": 1, "findings": [] }"""));
    }
}
