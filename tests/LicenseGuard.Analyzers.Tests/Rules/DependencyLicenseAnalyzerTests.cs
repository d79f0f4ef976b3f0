using LicenseGuard.Inventory;
using Microsoft.CodeAnalysis;
using Verify = LicenseGuard.Analyzers.Tests.Harness.Verify<LicenseGuard.Analyzers.Rules.DependencyLicenseAnalyzer>;

namespace LicenseGuard.Analyzers.Tests.Rules;

public class DependencyLicenseAnalyzerTests
{
    private const string Source = "class C { }";
    private const string ProjectPath = "/0/App.csproj";
    private const string InventoryPath = "/0/obj/Debug/net10.0/licenseguard.inventory.json";

    private static PackageFact Package(string id, string version, LicenseSource source, string? value, string? detected = null, params string[] path)
    {
        var package = new PackageFact { Id = id, Version = version, Direct = path.Length == 0, License = new DeclaredLicense { Source = source, Value = value, DetectedInFile = detected } };
        package.Frameworks.Add("net10.0");
        package.Path.AddRange(path);
        return package;
    }

    private static string Inventory(string? centralFile, params PackageFact[] packages) => Inventory(centralFile, redistributes: false, packages);

    private static string Inventory(string? centralFile, bool redistributes, params PackageFact[] packages)
    {
        var inventory = new ProjectInventory { Project = ProjectPath, CentralPackagesFile = centralFile, Redistributes = redistributes };
        inventory.Packages.AddRange(packages);
        return inventory.ToJson();
    }

    private static Task VerifyAsync((string Path, string Text)[] files, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        Verify.AnalyzerAsync(new[] { Source }, files, expected);

    [Fact]
    public Task AnalyzerIsQuietWithoutLicenseGuardBuildIntegration() => VerifyAsync(Array.Empty<(string, string)>());

    [Fact]
    public async Task LgplPackageIsReportedAtItsPackageReferenceWithTheRuleThatFailed()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                {|#0:<PackageReference Include="EPPlus" Version="4.5.3.3" />|}
                <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
              </ItemGroup>
            </Project>
            """;
        var inventory = Inventory(null,
            Package("EPPlus", "4.5.3.3", LicenseSource.File, "lgpl-3.0.txt", "LGPL-3.0-only"),
            Package("Newtonsoft.Json", "13.0.3", LicenseSource.Expression, "MIT"));

        await VerifyAsync(new[] { (ProjectPath, project), (InventoryPath, inventory) },
            Verify.Diagnostic(DiagnosticIds.LicenseNotAllowed).WithLocation(0)
                .WithArguments("EPPlus 4.5.3.3", "LGPL-3.0-only", "weak-copyleft", "classes.weak-copyleft = warn", "licence file 'lgpl-3.0.txt' matches the SPDX text of LGPL-3.0-only"));
    }

    [Fact]
    public async Task TheGatherStepsVerdictUnderTheSameRulesTodayIsReportedAsItIsWithoutEvaluatingAgain()
    {
        // The verdict reached in the gather step is reported exactly as the analyzer's own evaluation would report it.
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                {|#0:<PackageReference Include="GplLib" Version="3.1.0" />|}
                {|#1:<PackageReference Include="OpenAI" Version="2.1.0" />|}
              </ItemGroup>
            </Project>
            """;
        var inventory = new ProjectInventory { Project = ProjectPath };
        inventory.Packages.Add(Package("GplLib", "3.1.0", LicenseSource.Expression, "GPL-3.0-only"));
        inventory.Packages.Add(Package("OpenAI", "2.1.0", LicenseSource.Expression, "MIT"));
        var expected = new[]
        {
            Verify.Diagnostic(DiagnosticIds.LicenseNotAllowed).WithLocation(0).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments("GplLib 3.1.0", "GPL-3.0-only", "strong-copyleft", "classes.strong-copyleft = deny", "nuspec licence expression"),
            Verify.Diagnostic(DiagnosticIds.ProprietaryAiPackage).WithLocation(1)
                .WithArguments("OpenAI 2.1.0", "OpenAI API", "proprietary, api-only", LicenseGuard.Catalog.RulesCatalog.BuiltIn.DescribeChoice(LicenseGuard.Catalog.RulesCatalog.BuiltIn.ChooseAlternatives(LicenseGuard.Catalog.RulesCatalog.BuiltIn.FindService("openai"), null), LicenseGuard.Catalog.RulesCatalog.BuiltIn.FindService("openai"), forPackage: true)),
        };
        await VerifyAsync(new[] { (ProjectPath, project), (InventoryPath, inventory.ToJson()) }, expected);

        inventory.DependencyVerdict = LicenseGuard.Policy.DependencyVerdict.Reach(inventory, Array.Empty<LicenseGuard.Catalog.RulesSource>(), DateTime.UtcNow.Date);
        Assert.Equal(2, inventory.DependencyVerdict!.Findings.Count);
        await VerifyAsync(new[] { (ProjectPath, project), (InventoryPath, inventory.ToJson()) }, expected);

        // To prove the verdict is trusted as it is: a verdict naming nothing under today's fingerprint reports nothing…
        var today = LicenseGuard.Policy.RulesFingerprint.Of(Array.Empty<string>(), DateTime.UtcNow.Date);
        inventory.DependencyVerdict = new LicenseGuard.Policy.DependencyVerdict(today, Array.Empty<LicenseGuard.Policy.ReportableDependencyFinding>());
        await VerifyAsync(new[] { (ProjectPath, project), (InventoryPath, inventory.ToJson()) });

        // …while the same verdict reached yesterday, or under other rules files, is evaluated again in full.
        inventory.DependencyVerdict = new LicenseGuard.Policy.DependencyVerdict(LicenseGuard.Policy.RulesFingerprint.Of(Array.Empty<string>(), DateTime.UtcNow.Date.AddDays(-1)), Array.Empty<LicenseGuard.Policy.ReportableDependencyFinding>());
        await VerifyAsync(new[] { (ProjectPath, project), (InventoryPath, inventory.ToJson()) }, expected);
        inventory.DependencyVerdict = new LicenseGuard.Policy.DependencyVerdict(today, Array.Empty<LicenseGuard.Policy.ReportableDependencyFinding>());
        await VerifyAsync(new[] { (ProjectPath, project), (InventoryPath, inventory.ToJson()), ("/0/licenseguard.json", "{ }") }, expected);

        // A damaged verdict (a finding short of its message's arguments, an unknown rule) is never reported: evaluated again.
        var damaged = new LicenseGuard.Policy.ReportableDependencyFinding("LG3001", "error", "GplLib", null, new[] { "GplLib 3.1.0" }, Array.Empty<KeyValuePair<string, string?>>());
        inventory.DependencyVerdict = new LicenseGuard.Policy.DependencyVerdict(today, new[] { damaged });
        Assert.False(inventory.DependencyVerdict.IsWellFormed);
        await VerifyAsync(new[] { (ProjectPath, project), (InventoryPath, inventory.ToJson()) }, expected);
        // So is one that places an exception in a rules file the compiler does not have under that path.
        var elsewhere = new LicenseGuard.Policy.ReportableDependencyFinding("LG3004", null, null, new LicenseGuard.SourceSpan("/elsewhere/licenseguard.json", 10, 5, 2, 3), new[] { "Foo", "no package matches it" }, Array.Empty<KeyValuePair<string, string?>>());
        inventory.DependencyVerdict = new LicenseGuard.Policy.DependencyVerdict(today, new[] { elsewhere });
        Assert.True(inventory.DependencyVerdict.IsWellFormed);
        await VerifyAsync(new[] { (ProjectPath, project), (InventoryPath, inventory.ToJson()) }, expected);
        var unknown = new LicenseGuard.Policy.ReportableDependencyFinding("LG0000", null, "GplLib", null, Array.Empty<string>(), Array.Empty<KeyValuePair<string, string?>>());
        Assert.False(new LicenseGuard.Policy.DependencyVerdict(today, new[] { unknown }).IsWellFormed);
        Assert.True(LicenseGuard.Policy.DependencyVerdict.Reach(inventory, Array.Empty<LicenseGuard.Catalog.RulesSource>(), DateTime.UtcNow.Date)!.IsWellFormed);
    }

    [Fact]
    public async Task TransitivePackageIsReportedAtTheDirectReferenceWithItsPath()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                {|#0:<PackageReference Include="Foo" Version="1.2.0" />|}
              </ItemGroup>
            </Project>
            """;
        var inventory = Inventory(null,
            Package("Foo", "1.2.0", LicenseSource.Expression, "MIT"),
            Package("Bar", "2.0.0", LicenseSource.Expression, "Apache-2.0", null, "Foo 1.2.0"),
            Package("GplLib", "3.1.0", LicenseSource.Expression, "GPL-3.0-only", null, "Foo 1.2.0", "Bar 2.0.0"));

        await VerifyAsync(new[] { (ProjectPath, project), (InventoryPath, inventory) },
            Verify.Diagnostic(DiagnosticIds.LicenseNotAllowed).WithLocation(0).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments("GplLib 3.1.0 via Foo 1.2.0 → Bar 2.0.0", "GPL-3.0-only", "strong-copyleft", "classes.strong-copyleft = deny", "nuspec licence expression"));
    }

    [Fact]
    public async Task UnknownLicenceIsLG3002WithTheReason()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                {|#0:<PackageReference Update="DotNetZip" Version="1.16.0" />|}
              </ItemGroup>
            </Project>
            """;
        var inventory = Inventory(null, Package("DotNetZip", "1.16.0", LicenseSource.Url, "https://raw.githubusercontent.com/haf/DotNetZip.Semverd/master/LICENSE"));

        await VerifyAsync(new[] { (ProjectPath, project), (InventoryPath, inventory) },
            Verify.Diagnostic(DiagnosticIds.LicenseUnknown).WithLocation(0)
                .WithArguments("DotNetZip 1.16.0", "licenseUrl https://raw.githubusercontent.com/haf/DotNetZip.Semverd/master/LICENSE is not a licence URL LicenseGuard knows"));
    }

    [Fact]
    public async Task PackageWhoseLicenceClassChangedSinceTheBaselineIsLG3005AtItsReference()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                {|#0:<PackageReference Include="Contoso.Sheets" Version="2.0.0" />|}
                <PackageReference Include="Contoso.Text" Version="3.1.0" />
              </ItemGroup>
            </Project>
            """;
        var inventory = new ProjectInventory { Project = ProjectPath };
        inventory.Packages.Add(Package("Contoso.Sheets", "2.0.0", LicenseSource.Expression, "PolyForm-Noncommercial-1.0.0"));
        inventory.Packages.Add(Package("Contoso.Text", "3.1.0", LicenseSource.Expression, "Apache-2.0"));
        inventory.BaselinePackages.Add(new Baselines.BaselinePackage { Id = "Contoso.Sheets", Version = "1.0.0", License = "MIT", Class = "permissive" });
        inventory.BaselinePackages.Add(new Baselines.BaselinePackage { Id = "Contoso.Text", Version = "3.0.0", License = "MIT", Class = "permissive" });

        await VerifyAsync(new[] { (ProjectPath, project), (InventoryPath, inventory.ToJson()) },
            Verify.Diagnostic(DiagnosticIds.LicenseChangedSinceBaseline).WithLocation(0)
                .WithArguments("Contoso.Sheets 2.0.0", "PolyForm-Noncommercial-1.0.0", "non-commercial", "the baseline recorded Contoso.Sheets 1.0.0 as MIT (permissive); licence from nuspec licence expression"),
            Verify.Diagnostic(DiagnosticIds.LicenseNotAllowed).WithLocation(0).WithSeverity(DiagnosticSeverity.Error)
                .WithArguments("Contoso.Sheets 2.0.0", "PolyForm-Noncommercial-1.0.0", "non-commercial", "classes.non-commercial = deny", "nuspec licence expression"));
    }

    [Fact]
    public async Task ProprietaryAiSdkIsReportedEvenWithoutCalls()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                {|#0:<PackageReference Include="OpenAI" Version="2.15.0" />|}
              </ItemGroup>
            </Project>
            """;
        var inventory = Inventory(null, Package("OpenAI", "2.15.0", LicenseSource.Expression, "MIT"));

        await VerifyAsync(new[] { (ProjectPath, project), (InventoryPath, inventory) },
            Verify.Diagnostic(DiagnosticIds.ProprietaryAiPackage).WithLocation(0)
                .WithArguments("OpenAI 2.15.0", "OpenAI API", "proprietary, api-only", "they depend on what the code does with it (each call's finding names them); OpenAI API covers chat, text completion, embeddings, image generation, image editing, image input (vision), speech to text, text to speech, moderation, video generation ('licenseguard rules show openai' lists the alternatives for each)"));
    }

    [Fact]
    public async Task ExceptionSilencesItsPackageAndUnusedExceptionsAreReportedInTheRulesFile()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="EPPlus" Version="4.5.3.3" />
              </ItemGroup>
            </Project>
            """;
        const string rules = """
            {
              "policy": {
                "exceptions": [
                  { "package": "EPPlus", "version": "[4.5.3.3]", "reason": "Legal approved, ticket 42." },
                  {|#0:{ "package": "SharpZipLib", "reason": "Removed last year." }|}
                ]
              }
            }
            """;
        var inventory = Inventory(null, Package("EPPlus", "4.5.3.3", LicenseSource.File, "lgpl-3.0.txt", "LGPL-3.0-only"));

        await VerifyAsync(new[] { (ProjectPath, project), (InventoryPath, inventory), ("/0/licenseguard.json", rules) },
            Verify.Diagnostic(DiagnosticIds.PolicyExceptionUnusedOrExpired).WithLocation(0)
                .WithArguments("SharpZipLib", "silences nothing: no package in this project matches it with a finding"));
    }

    [Fact]
    public async Task CentralPackageManagementReportsAtThePackageVersionLine()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="EPPlus" />
                <ProjectReference Include="..\Lib\Lib.csproj" />
              </ItemGroup>
            </Project>
            """;
        const string central = """
            <Project>
              <ItemGroup>
                {|#0:<PackageVersion Include="EPPlus" Version="4.5.3.3" />|}
              </ItemGroup>
            </Project>
            """;
        var inventory = Inventory("/0/Directory.Packages.props",
            Package("EPPlus", "4.5.3.3", LicenseSource.File, "lgpl-3.0.txt", "LGPL-3.0-only"),
            Package("Anthropic", "13.14.0", LicenseSource.Expression, "Apache-2.0", null, "Lib 1.0.0"));

        await VerifyAsync(new[] { (ProjectPath, project.Replace("<ProjectReference", "{|#1:<ProjectReference").Replace("Lib.csproj\" />", "Lib.csproj\" />|}")), ("/0/Directory.Packages.props", central), (InventoryPath, inventory) },
            Verify.Diagnostic(DiagnosticIds.LicenseNotAllowed).WithLocation(0),
            Verify.Diagnostic(DiagnosticIds.ProprietaryAiPackage).WithLocation(1));
    }

    [Fact]
    public async Task MissingInventoryIsLG9002AtTheProjectFile()
    {
        await VerifyAsync(new[] { (ProjectPath, "{|#0:|}<Project Sdk=\"Microsoft.NET.Sdk\" />") },
            Verify.Diagnostic(DiagnosticIds.BuildIntegrationMissing).WithLocation(0));
    }

    [Fact]
    public async Task UnreadableInventoryIsLG9002()
    {
        await VerifyAsync(new[] { (ProjectPath, "{|#0:|}<Project Sdk=\"Microsoft.NET.Sdk\" />"), (InventoryPath, "{ \"format\": 1, \"packages\": [ ") },
            Verify.Diagnostic(DiagnosticIds.BuildIntegrationMissing).WithLocation(0));
    }

    [Fact]
    public async Task RulesCanIgnorePackagesAndRaiseSeverity()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="EPPlus" Version="4.5.3.3" />
                {|#0:<PackageReference Include="Contoso.Mpl" Version="1.0.0" />|}
              </ItemGroup>
            </Project>
            """;
        const string rules = """{ "rules": { "LG3001": { "ignore": ["EPPlus"], "severity": "error" } } }""";
        var inventory = Inventory(null,
            Package("EPPlus", "4.5.3.3", LicenseSource.File, "lgpl-3.0.txt", "LGPL-3.0-only"),
            Package("Contoso.Mpl", "1.0.0", LicenseSource.Expression, "MPL-2.0"));

        await VerifyAsync(new[] { (ProjectPath, project), (InventoryPath, inventory), ("/0/licenseguard.json", rules) },
            Verify.Diagnostic(DiagnosticIds.LicenseNotAllowed).WithLocation(0).WithSeverity(DiagnosticSeverity.Error));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PackagesCarryingWeightsAreLG2003WhenTheProjectRedistributes(bool redistributes)
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                {|#0:<PackageReference Include="AllMiniLmL6V2Sharp" Version="0.0.3" />|}
                {|#1:<PackageReference Include="Contoso.Vision" Version="2.0.0" />|}
              </ItemGroup>
            </Project>
            """;
        var minilm = Package("AllMiniLmL6V2Sharp", "0.0.3", LicenseSource.Expression, "MIT");
        var vision = Package("Contoso.Vision", "2.0.0", LicenseSource.Expression, "MIT");
        vision.WeightFiles.Add("content/models/resnet50.onnx (onnx)");
        var inventory = Inventory(null, redistributes, minilm, vision);

        var expected = redistributes
            ? new[]
            {
                Verify.Diagnostic(DiagnosticIds.PackageCarriesWeights).WithLocation(0)
                    .WithArguments("AllMiniLmL6V2Sharp 0.0.3", "the catalog lists it as bundling all-MiniLM-L6-v2", "Apache-2.0", "permissive",
                        "BERT (Apache-2.0, permissive), nomic-embed-text v1.5 (Apache-2.0, permissive), BGE-M3 (MIT, permissive)"),
                Verify.Diagnostic(DiagnosticIds.PackageCarriesWeights).WithLocation(1)
                    .WithArguments("Contoso.Vision 2.0.0", "it contains content/models/resnet50.onnx (onnx)", "unknown", "unknown", "none chosen, as the catalog does not know which model the package bundles"),
            }
            : Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>();
        await VerifyAsync(new[] { (ProjectPath, redistributes ? project : project.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("/>|}", "/>")), (InventoryPath, inventory) }, expected);
    }
}
