using Microsoft.CodeAnalysis;
using Verify = LicenseGuard.Analyzers.Tests.Harness.Verify<LicenseGuard.Analyzers.Rules.ConfigurationValueAnalyzer>;

namespace LicenseGuard.Analyzers.Tests.Rules;

/// <summary>LG1002 and LG1003 where apps keep endpoints and model ids: the project's JSON configuration files.</summary>
public class ConfigurationValueAnalyzerTests
{
    private const string Source = "class C { }";

    [Fact]
    public async Task AppSettingsEndpointsDeploymentsAndModelsAreReportedAtTheirValues()
    {
        const string settings = """
            {
              // Azure OpenAI, as the templates write it
              "AzureOpenAI": {
                "Endpoint": {|#0:"https://contoso-ai.openai.azure.com/"|},
                "ChatDeployment": {|#1:"gpt-4o-mini"|},
                "EmbeddingDeployment": {|#2:"text-embedding-3-small"|},
              },
              "Anthropic": { "Model": {|#3:"claude-3-5-sonnet-20241022"|}, "BaseUrl": {|#4:"https://api.anthropic.com/v1"|} },
              "Fallbacks": { "Models": [ "llama3.1:8b", {|#5:"gemini-2.5-pro"|} ] },
              "Logging": { "LogLevel": { "Default": "Information" } },
              "AllowedHosts": "*"
            }
            """;
        await Verify.AnalyzerAsync(new[] { Source }, new[] { ("/0/appsettings.json", settings) },
            Verify.Diagnostic(DiagnosticIds.ProprietaryEndpoint).WithLocation(0).WithArguments(
                "contoso-ai.openai.azure.com", "Azure OpenAI Service", "proprietary, api-only",
                "they depend on the task, which this code does not show; Azure OpenAI Service covers chat, text completion, embeddings, image generation, image editing, image input (vision), speech to text, text to speech ('licenseguard rules show azure-openai' lists the alternatives for each)"),
            Verify.Diagnostic(DiagnosticIds.ClosedModelId).WithLocation(1).WithArguments(
                "gpt-4o-mini", "GPT-4o mini", "OpenAI API", "proprietary, api-only",
                "Qwen2.5 7B (Apache-2.0, permissive) via OllamaSharp, gpt-oss-20b (Apache-2.0, permissive) via OllamaSharp, Phi-3.5 mini (MIT, permissive) via ONNX Runtime GenAI"),
            Verify.Diagnostic(DiagnosticIds.ClosedModelId).WithLocation(2),
            Verify.Diagnostic(DiagnosticIds.ClosedModelId).WithLocation(3),
            Verify.Diagnostic(DiagnosticIds.ProprietaryEndpoint).WithLocation(4),
            Verify.Diagnostic(DiagnosticIds.ClosedModelId).WithLocation(5));
    }

    [Fact]
    public async Task AspireConnectionStringsAndParametersOfAnAppHostAreReported()
    {
        const string settings = """
            {
              "ConnectionStrings": {
                "openai": {|#0:"Endpoint=https://contoso.openai.azure.com/;Key=placeholder"|},
                "cache": "localhost:6379",
                "ollama": "Endpoint=http://localhost:11434"
              },
              "Parameters": { "chatModel": {|#1:"gpt-4.1"|}, "region": "westeurope" }
            }
            """;
        await Verify.AnalyzerAsync(new[] { Source }, new[] { ("/0/appsettings.Development.json", settings) },
            Verify.Diagnostic(DiagnosticIds.ProprietaryEndpoint).WithLocation(0),
            Verify.Diagnostic(DiagnosticIds.ClosedModelId).WithLocation(1));
    }

    [Fact]
    public async Task ShortIdsCountOnlyUnderAKeyNamedForAModel()
    {
        const string launchSettings = """
            {
              "profiles": {
                "http": {
                  "commandName": "Project",
                  "environmentVariables": {
                    "ASPNETCORE_ENVIRONMENT": "Development",
                    "OPENAI_MODEL": {|#0:"o3"|},
                    "AZURE_OPENAI_DEPLOYMENT": {|#1:"o1"|},
                    "SENSOR_POLLUTANT": "o3",
                    "GRADE": "o1"
                  }
                }
              }
            }
            """;
        const string functions = """
            { "IsEncrypted": false, "Values": { "ReasoningModel": {|#2:"o3"|}, "Pollutants": [ "pm10", "o3" ] } }
            """;
        await Verify.AnalyzerAsync(
            new[] { Source },
            new[] { ("/0/Properties/launchSettings.json", launchSettings), ("/0/local.settings.json", functions) },
            Verify.Diagnostic(DiagnosticIds.ClosedModelId).WithLocation(0),
            Verify.Diagnostic(DiagnosticIds.ClosedModelId).WithLocation(1),
            Verify.Diagnostic(DiagnosticIds.ClosedModelId).WithLocation(2));
    }

    [Fact]
    public async Task OpenModelsLocalEndpointsAndOtherJsonFilesAreNotReported()
    {
        const string settings = """
            {
              "Ollama": { "Endpoint": "http://localhost:11434", "Model": "llama3.1:8b" },
              "Onnx": { "ModelPath": "models/phi-3.5-mini/model.onnx" },
              "Docs": "See https://platform.openai.com/docs for the gpt-4o notes"
            }
            """;
        const string data = """{ "model": "gpt-4o", "endpoint": "https://api.openai.com/v1" }""";
        await Verify.AnalyzerAsync(new[] { Source }, new[] { ("/0/appsettings.json", settings), ("/0/wwwroot/data/samples.json", data) });
    }

    [Fact]
    public async Task AProjectNamesItsOwnConfigurationFilesAndOptsOutOfDefaultOnes()
    {
        var test = Verify.Create(new[] { Source }, new[]
        {
            ("/0/config/ai.json", """{ "model": {|#0:"gpt-4o"|} }"""),
            ("/0/appsettings.json", """{ "model": "gpt-4o" }"""),
        });
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"""
            is_global = true

            [/0/config/ai.json]
            {ConfigurationFiles.MetadataKey} = true

            [/0/appsettings.json]
            {ConfigurationFiles.MetadataKey} = false
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.ClosedModelId).WithLocation(0));
        await test.RunAsync();
    }

    [Fact]
    public async Task TheRulesFileIgnoresTurnsOffAndSetsSeverityAsForCode()
    {
        const string settings = """
            { "Model": {|#0:"gpt-4o"|}, "Embeddings": "text-embedding-3-small", "Endpoint": "https://api.openai.com/v1" }
            """;
        const string rules = """
            {
              "rules": { "LG1002": { "enabled": false }, "LG1003": { "ignore": ["text-embedding-*"] } },
              "services": [ { "id": "openai", "severity": "error" } ]
            }
            """;
        await Verify.AnalyzerAsync(new[] { Source }, new[] { ("/0/appsettings.json", settings), ("/0/licenseguard.json", rules) },
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(DiagnosticIds.ClosedModelId, DiagnosticSeverity.Error).WithLocation(0));
    }

    [Fact]
    public async Task MalformedConfigurationIsLeftToTheAppsLoader()
    {
        await Verify.AnalyzerAsync(new[] { Source }, new[] { ("/0/appsettings.json", """{ "Model": "gpt-4o", """) });
    }
}
