using LicenseGuard.Analyzers.Rules;
using LicenseGuard.Analyzers.Tests.Harness;
using LicenseGuard.Catalog;
using LicenseGuard.CodeFixes.Rules;
using LicenseGuard.Inventory;

namespace LicenseGuard.Analyzers.Tests.Rules;

/// <summary>"Add an exception to licenseguard.json", applied in a real workspace and checked by running the analyzer again.</summary>
public class AddRulesExceptionFixerTests
{
    [Fact]
    public async Task EndpointFindingAddsItsHostToTheRuleIgnoreListOfTheExistingFileKeepingComments()
    {
        const string source = """
            class Gemini
            {
                string Url() => "https://generativelanguage.googleapis.com/v1beta/models";
            }
            """;
        const string rules = """
            {
              // Reviewed by legal on 2026-11-01.
              "policy": { "classes": { "weak-copyleft": "allow" } }
            }
            """;

        var (project, title) = await WorkspaceFixes.ApplyAsync(new AddRulesExceptionFixer(), new ProprietaryEndpointAnalyzer(), DiagnosticIds.ProprietaryEndpoint, source, ("/src/licenseguard.json", rules));

        Assert.Equal("Stop reporting the endpoint 'generativelanguage.googleapis.com' in this project (licenseguard.json: rules.LG1002.ignore)", title);
        string edited = (await project.AdditionalDocuments.Single().GetTextAsync()).ToString();
        Assert.Contains("// Reviewed by legal on 2026-11-01.", edited);
        Assert.Contains("\"rules\": { \"LG1002\": { \"ignore\": [ \"generativelanguage.googleapis.com\" ] } }", edited);
        Assert.Empty(RulesCatalog.Load([new RulesSource("licenseguard.json", edited)]).Problems);
        Assert.DoesNotContain(await WorkspaceFixes.DiagnosticsAsync(new ProprietaryEndpointAnalyzer(), project), d => d.Id == DiagnosticIds.ProprietaryEndpoint);
    }

    [Fact]
    public async Task ClosedModelIdFindingAddsTheIdAsWritten()
    {
        const string source = "class C { string Model() => \"gpt-4o-mini\"; }";

        var (project, title) = await WorkspaceFixes.ApplyAsync(new AddRulesExceptionFixer(), new ClosedModelIdAnalyzer(), DiagnosticIds.ClosedModelId, source);

        Assert.Contains("'gpt-4o-mini'", title);
        Assert.Empty(await WorkspaceFixes.DiagnosticsAsync(new ClosedModelIdAnalyzer(), project));
    }

    [Fact]
    public async Task PackageFindingInTheProjectFileCreatesLicenseguardJsonWithSchemaAndAPolicyException()
    {
        const string projectFile = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="OpenAI" Version="2.15.0" />
              </ItemGroup>
            </Project>
            """;
        var inventory = new ProjectInventory { Project = WorkspaceFixes.ProjectPath };
        var openai = new PackageFact { Id = "OpenAI", Version = "2.15.0", Direct = true, License = new DeclaredLicense { Source = LicenseSource.Expression, Value = "MIT" } };
        openai.Frameworks.Add("net10.0");
        inventory.Packages.Add(openai);
        var files = new[] { (WorkspaceFixes.ProjectPath, projectFile), ("/src/obj/Debug/net10.0/licenseguard.inventory.json", inventory.ToJson()) };

        var (project, title) = await WorkspaceFixes.ApplyAsync(new AddRulesExceptionFixer(), new DependencyLicenseAnalyzer(), DiagnosticIds.ProprietaryAiPackage, "class C { }", files);

        Assert.Equal("Add an exception for OpenAI 2.15.0 to licenseguard.json", title);
        var created = project.AdditionalDocuments.Single(d => d.Name == "licenseguard.json");
        Assert.Equal("/src/licenseguard.json", created.FilePath);
        string text = (await created.GetTextAsync()).ToString();
        Assert.Contains($"\"$schema\": \"{RulesFileEditor.SchemaUrl}\"", text);
        Assert.Contains("{ \"package\": \"OpenAI\", \"version\": \"[2.15.0]\", \"reason\": \"TODO: why this is acceptable, and until when\" }", text);
        Assert.DoesNotContain(await WorkspaceFixes.DiagnosticsAsync(new DependencyLicenseAnalyzer(), project), d => d.Id == DiagnosticIds.ProprietaryAiPackage);
    }

    [Fact]
    public async Task EveryFindingOfTheSampleCodeOffersTheExceptionNextToTheOtherFixes()
    {
        var titles = await WorkspaceFixes.ForAsync(new AddRulesExceptionFixer(), new ProprietaryAiCallAnalyzer(), """
            using OpenAI;
            class C { object M() => new OpenAIClient("key"); }
            """);

        Assert.Equal(["Stop reporting calls to 'openai' in this project (licenseguard.json: rules.LG1001.ignore)"], titles);
    }
}
