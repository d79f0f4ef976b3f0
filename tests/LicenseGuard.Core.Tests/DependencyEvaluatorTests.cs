using LicenseGuard.Inventory;
using LicenseGuard.Catalog;
using LicenseGuard.Policy;

namespace LicenseGuard.Core.Tests;

public class DependencyEvaluatorTests
{
    private static readonly DateTime Today = new(2026, 11, 28);

    private static PackageFact Package(string id, string version, LicenseSource source, string? value, string? detected = null, params string[] path)
    {
        var package = new PackageFact { Id = id, Version = version, Direct = path.Length == 0, License = new DeclaredLicense { Source = source, Value = value, DetectedInFile = detected } };
        package.Path.AddRange(path);
        return package;
    }

    private static RulesCatalog Policy(string json = "{}") => RulesCatalog.Load(new[] { new RulesSource("/repo/licenseguard.json", json) });

    [Theory]
    // A formerly MIT package that declares nothing from the version its README says needs a paid, revenue-tiered licence
    // (it does not restore here without the vendor's licensing package, so the fact is shown on its declared metadata).
    [InlineData("12.3.0", "LicenseRef-avalonia-accelerate", "proprietary")]
    [InlineData("11.2.0", "LicenseRef-avalonia-accelerate", "proprietary")]
    [InlineData("11.0.1", null, null)]
    public void AFeeBearingEulaWithoutMetadataIsProprietaryByItsCatalogFact(string version, string? license, string? licenseClass)
    {
        var package = Package("Avalonia.Controls.TreeDataGrid", version, LicenseSource.None, null);

        var (expression, origin) = DependencyEvaluator.ResolveLicense(package, RulesCatalog.BuiltIn);

        Assert.Equal(license, expression?.ToDisplayString());
        Assert.Equal(licenseClass, expression == null ? null : DependencyEvaluator.ClassOf(expression.Terms.Single(), RulesCatalog.BuiltIn));
        Assert.Equal(license != null, origin.Contains("Avalonia Accelerate license", StringComparison.Ordinal));
    }

    [Fact]
    public void PermissivePackagesPass()
    {
        var findings = DependencyEvaluator.Evaluate(new[] { Package("Newtonsoft.Json", "13.0.3", LicenseSource.Expression, "MIT") }, Policy(), Today);
        Assert.Empty(findings);
    }

    [Fact]
    public void WeakCopyleftWarnsWithTheRuleThatFailedAndThePath()
    {
        var epplus = Package("EPPlus", "4.5.3.3", LicenseSource.Url, "https://www.gnu.org/licenses/lgpl-3.0.html", null, "Foo 1.2.0", "Bar 2.0.0");
        var finding = Assert.Single(DependencyEvaluator.Evaluate(new[] { epplus }, Policy(), Today));

        Assert.Equal((DependencyEvaluator.LicenseNotAllowed, PolicyAction.Warn), (finding.RuleId, finding.Action));
        Assert.Equal(("LGPL-3.0", "weak-copyleft", "classes.weak-copyleft = warn"), (finding.License, finding.LicenseClass, finding.Rule));
        Assert.Equal("EPPlus 4.5.3.3 via Foo 1.2.0 → Bar 2.0.0", finding.Subject);
        Assert.Equal("Foo", epplus.DirectReference);
    }

    [Theory]
    [InlineData("GPL-3.0-only", PolicyAction.Deny)]
    [InlineData("AGPL-3.0-or-later", PolicyAction.Deny)]
    [InlineData("MIT OR GPL-3.0-only", PolicyAction.Allow)]
    [InlineData("MIT AND GPL-3.0-only", PolicyAction.Deny)]
    [InlineData("LGPL-2.1-only OR GPL-3.0-only", PolicyAction.Warn)]
    [InlineData("GPL-2.0-only WITH Classpath-exception-2.0", PolicyAction.Warn)]
    [InlineData("Apache-2.0 WITH LLVM-exception", PolicyAction.Allow)]
    [InlineData("CC-BY-NC-4.0", PolicyAction.Deny)]
    [InlineData("LicenseRef-Contoso-EULA", PolicyAction.Warn)]
    public void ExpressionsFollowOrAndAndWith(string expression, PolicyAction expected)
    {
        var findings = DependencyEvaluator.Evaluate(new[] { Package("P", "1.0.0", LicenseSource.Expression, expression) }, Policy(), Today);
        Assert.Equal(expected, findings.Select(f => f.Action).DefaultIfEmpty(PolicyAction.Allow).Single());
    }

    [Fact]
    public void NestedExpressionsAreReportedIntact()
    {
        var finding = Assert.Single(DependencyEvaluator.Evaluate(new[] { Package("P", "1.0.0", LicenseSource.Expression, "(MIT OR Apache-2.0) AND (LGPL-3.0-only OR GPL-3.0-only)") }, Policy(), Today));
        Assert.Equal(("(MIT OR Apache-2.0) AND (LGPL-3.0-only OR GPL-3.0-only)", PolicyAction.Warn), (finding.License, finding.Action));
    }

    [Fact]
    public void LicenceRulesWinOverClassRules()
    {
        var catalog = Policy("""{ "policy": { "licenses": { "LGPL-3.0-only": "allow", "MIT": "deny" } } }""");
        var findings = DependencyEvaluator.Evaluate(new[]
        {
            Package("A", "1.0.0", LicenseSource.Expression, "LGPL-3.0-only"),
            Package("B", "1.0.0", LicenseSource.Expression, "MIT"),
        }, catalog, Today);

        var finding = Assert.Single(findings);
        Assert.Equal(("B 1.0.0", PolicyAction.Deny, "licenses.MIT = deny"), (finding.Subject, finding.Action, finding.Rule));
    }

    [Theory]
    [InlineData(LicenseSource.None, null, null, "no licence declared")]
    [InlineData(LicenseSource.File, "LICENSE.txt", null, "licence file 'LICENSE.txt' not recognised")]
    [InlineData(LicenseSource.Url, "https://aka.ms/deprecateLicenseUrl", null, "placeholder")]
    [InlineData(LicenseSource.Url, "https://contoso.example/eula.html", null, "is not a licence URL LicenseGuard knows")]
    [InlineData(LicenseSource.Expression, "MIT OR", null, "invalid licence expression")]
    public void UnknownLicencesAreLG3002WithTheReason(LicenseSource source, string? value, string? detected, string reason)
    {
        var finding = Assert.Single(DependencyEvaluator.Evaluate(new[] { Package("P", "1.0.0", source, value, detected) }, Policy(), Today));
        Assert.Equal((DependencyEvaluator.LicenseUnknown, PolicyAction.Warn), (finding.RuleId, finding.Action));
        Assert.Contains(reason, finding.Origin);
    }

    [Theory]
    [InlineData(LicenseSource.File, "LICENSE.txt", "MIT")]
    [InlineData(LicenseSource.Url, "https://licenses.nuget.org/MIT", null)]
    [InlineData(LicenseSource.Url, "http://www.apache.org/licenses/LICENSE-2.0", null)]
    [InlineData(LicenseSource.Url, "https://opensource.org/licenses/mit-license.php", null)]
    public void KnownFilesAndUrlsResolve(LicenseSource source, string value, string? detected)
    {
        var catalog = Policy("""{ "licenses": [ { "id": "MIT", "urls": ["https://opensource.org/licenses/MIT", "https://opensource.org/licenses/mit-license.php"] } ] }""");
        Assert.Empty(DependencyEvaluator.Evaluate(new[] { Package("P", "1.0.0", source, value, detected) }, catalog, Today));
    }

    [Fact]
    public void ClarificationPinsTheLicence()
    {
        var catalog = Policy("""{ "policy": { "clarify": [ { "package": "Legacy.*", "version": "[1.0,2.0)", "license": "MIT", "reason": "Upstream LICENSE file is MIT." } ] } }""");
        var findings = DependencyEvaluator.Evaluate(new[]
        {
            Package("Legacy.Core", "1.5.0", LicenseSource.None, null),
            Package("Legacy.Core", "2.0.0", LicenseSource.None, null),
        }, catalog, Today);

        Assert.Equal("Legacy.Core 2.0.0", Assert.Single(findings).Subject);
    }

    [Fact]
    public void ExceptionSilencesExactlyItsPackageAndVersion()
    {
        var catalog = Policy("""{ "policy": { "exceptions": [ { "package": "EPPlus", "version": "[4.5.3.3]", "reason": "Legal approved LGPL use, ticket 42." } ] } }""");
        var findings = DependencyEvaluator.Evaluate(new[]
        {
            Package("EPPlus", "4.5.3.3", LicenseSource.Expression, "LGPL-3.0-only"),
            Package("EPPlus", "4.5.3.2", LicenseSource.Expression, "LGPL-3.0-only"),
            Package("Other", "1.0.0", LicenseSource.Expression, "LGPL-3.0-only"),
        }, catalog, Today);

        Assert.Equal(new[] { "EPPlus 4.5.3.2", "Other 1.0.0" }, findings.Select(f => f.Subject));
    }

    [Fact]
    public void UnusedAndExpiredExceptionsAreReported()
    {
        var catalog = Policy("""
            { "policy": { "exceptions": [
                { "package": "Gone", "reason": "We removed it." },
                { "package": "EPPlus", "reason": "Until the migration.", "expires": "2026-01-31" }
            ] } }
            """);
        var findings = DependencyEvaluator.Evaluate(new[] { Package("EPPlus", "4.5.3.3", LicenseSource.Expression, "LGPL-3.0-only") }, catalog, Today);

        Assert.Equal(3, findings.Count);
        Assert.Contains(findings, f => f.RuleId == DependencyEvaluator.LicenseNotAllowed && f.Package!.Id == "EPPlus");
        Assert.Contains(findings, f => f.RuleId == DependencyEvaluator.ExceptionUnusedOrExpired && f.Exception!.Package == "Gone" && f.Origin.StartsWith("silences nothing", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.RuleId == DependencyEvaluator.ExceptionUnusedOrExpired && f.Exception!.Package == "EPPlus" && f.Origin == "expired on 2026-01-31");
    }

    [Fact]
    public void ProprietaryAiSdkPackagesAreLG3003EvenWhenTheirLicenceIsPermissive()
    {
        var findings = DependencyEvaluator.Evaluate(new[] { Package("Anthropic", "13.14.0", LicenseSource.Expression, "Apache-2.0"), Package("OpenAI", "2.15.0", LicenseSource.Expression, "MIT") }, Policy(), Today);

        Assert.Equal(new[] { ("Anthropic", "anthropic"), ("OpenAI", "openai") }, findings.Select(f => (f.Package!.Id, f.Service!.Id)));
        Assert.All(findings, f => Assert.Equal(DependencyEvaluator.ProprietaryAiPackage, f.RuleId));
    }

    [Fact]
    public void IgnoredAndDevelopmentPackagesAreSkipped()
    {
        var dev = Package("Some.Analyzers", "1.0.0", LicenseSource.None, null);
        dev.Development = true;
        var findings = DependencyEvaluator.Evaluate(new[] { Package("Contoso.Internal", "1.0.0", LicenseSource.None, null), dev }, Policy("""{ "policy": { "ignore": ["Contoso.*"] } }"""), Today);
        Assert.Empty(findings);
    }

    [Fact]
    public void PolicyProblemsAreReportedWithPositions()
    {
        var catalog = Policy("""
            { "policy": {
                "classes": { "permisive": "allow", "weak-copyleft": "maybe" },
                "licenses": { "GLP-3.0": "deny" },
                "exceptions": [ { "package": "X" }, { "package": "Y", "reason": "r", "version": "[1.0", "expires": "soon" } ],
                "clarify": [ { "package": "Z", "license": "MIT OR", "reason": "r" } ],
                "extra": 1
            } }
            """);

        Assert.Equal(7, catalog.Problems.Count);
        Assert.All(catalog.Problems, p => Assert.Equal("/repo/licenseguard.json", p.Span.Path));
        Assert.Contains(catalog.Problems, p => p.Message.Contains("Unknown licence 'GLP-3.0'"));
    }
}

public class WeightsEvaluatorTests
{
    private static WeightFact Weight(string item, params (string Key, string Value)[] metadata)
    {
        var weight = new WeightFact { Item = item, FullPath = "/app/" + item, Format = "gguf" };
        weight.Destinations.Add("output");
        foreach (var (key, value) in metadata)
        {
            weight.Metadata[key] = value;
        }

        return weight;
    }

    [Theory]
    [InlineData("llama2", "LicenseRef-hf-llama2", PolicyAction.Warn)]
    [InlineData("llama3.1", "LicenseRef-hf-llama3.1", PolicyAction.Warn)]
    [InlineData("gemma", "LicenseRef-hf-gemma", PolicyAction.Warn)]
    [InlineData("creativeml-openrail-m", "LicenseRef-hf-creativeml-openrail-m", PolicyAction.Warn)]
    [InlineData("openrail++", "LicenseRef-hf-openrail-plus-plus", PolicyAction.Warn)]
    [InlineData("bigscience-bloom-rail-1.0", "LicenseRef-hf-bigscience-bloom-rail-1.0", PolicyAction.Warn)]
    [InlineData("cc-by-nc-4.0", "CC-BY-NC-4.0", PolicyAction.Deny)]
    [InlineData("fair-noncommercial-research-license", "LicenseRef-hf-fair-noncommercial-research-license", PolicyAction.Deny)]
    [InlineData("apache-2.0", "Apache-2.0", PolicyAction.Allow)]
    [InlineData("MIT OR Apache-2.0", "MIT OR Apache-2.0", PolicyAction.Allow)]
    [InlineData("Apache-2.0 AND CC-BY-NC-4.0", "Apache-2.0 AND CC-BY-NC-4.0", PolicyAction.Deny)]
    [InlineData("mit", "MIT", PolicyAction.Allow)]
    public void HuggingFaceTagsInFileMetadataMapToCatalogLicences(string tag, string license, PolicyAction action)
    {
        var finding = Assert.Single(WeightsEvaluator.Evaluate(new[] { Weight("model.gguf", ("general.license", tag)) }, RulesCatalog.BuiltIn));
        Assert.Equal((license, action), (finding.License, finding.Action));
        Assert.Equal("file metadata (gguf general.license)", finding.Source);
    }

    [Fact]
    public void OtherDefersToTheLicenceName()
    {
        var finding = Assert.Single(WeightsEvaluator.Evaluate(new[] { Weight("m.gguf", ("general.license", "other"), ("general.license.name", "qwen-research")) }, RulesCatalog.BuiltIn));
        Assert.Equal(("LicenseRef-qwen-research", "non-commercial", PolicyAction.Deny), (finding.License, finding.LicenseClass, finding.Action));
    }

    [Theory]
    [InlineData("stable-diffusion-v1-5-pruned-emaonly.safetensors", "stable-diffusion-1", "LicenseRef-hf-creativeml-openrail-m")]
    [InlineData("llama-2-7b-chat.Q4_K_M.gguf", "llama-2", "LicenseRef-hf-llama2")]
    [InlineData("gpt-j-6b.bin.safetensors", "gpt-j-6b", "Apache-2.0")]
    [InlineData("ggml-base.en.bin", "whisper", "MIT")]
    public void FileNamesIdentifyCatalogModels(string file, string model, string license)
    {
        var finding = Assert.Single(WeightsEvaluator.Evaluate(new[] { Weight(file) }, RulesCatalog.BuiltIn));
        Assert.Equal((model, license), (finding.Model?.Id, finding.License));
        Assert.StartsWith("file name (catalog:", finding.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownWeightsAreAWarningThatSaysSo()
    {
        var finding = Assert.Single(WeightsEvaluator.Evaluate(new[] { Weight("custom.onnx") }, RulesCatalog.BuiltIn));
        Assert.Equal((PolicyAction.Warn, "unknown"), (finding.Action, finding.LicenseClass));
        Assert.Equal(WeightFinding.NoSource, finding.Source);
        // Issue 24: not "licence unknown (unknown), from nothing in the file, …".
        Assert.Equal("licence unknown: neither the file's metadata, a model card next to it nor its name identifies one", finding.LicenseDescription);
    }

    [Fact]
    public void AKnownLicenceIsDescribedWithItsClassAndSource()
    {
        var finding = Assert.Single(WeightsEvaluator.Evaluate(new[] { Weight("ggml-base.en.bin") }, RulesCatalog.BuiltIn));
        Assert.Equal("licence MIT (permissive), from file name (catalog: Whisper)", finding.LicenseDescription);
    }
}
