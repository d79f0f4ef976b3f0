using LicenseGuard.Analyzers.Tests.Harness;
using Microsoft.CodeAnalysis;

namespace LicenseGuard.Analyzers.Tests.Rules;

/// <summary>
/// Hosted inference services (Azure AI Inference / Foundry, GitHub Models, OpenRouter) are API-only access even when the model
/// they host has open weights: the client and the endpoint are findings (LG1001, LG1002); the model id is LG1003 only when the
/// model is closed.
/// </summary>
public class HostedInferenceTests
{
    [Fact]
    public async Task AzureAiInferenceClientOnAnOpenModelIsAnApiOnlyCallButNotAClosedModel()
    {
        var findings = await FindingsAsync("""
            using System;
            using Azure;
            using Azure.AI.Inference;
            class C
            {
                object M(string key)
                {
                    var client = new ChatCompletionsClient(new Uri("https://contoso.services.ai.azure.com/models"), new AzureKeyCredential(key));
                    return client.Complete(new ChatCompletionsOptions { Model = "Phi-4", Messages = { new ChatRequestUserMessage("hi") } });
                }
            }
            """);

        Assert.Equal(new[] { "LG1001", "LG1001", "LG1002" }, findings.Select(f => f.Id).OrderBy(i => i));
        Assert.All(findings, f => Assert.Equal("azure-ai-inference", f.Properties["service"]));
        Assert.All(findings.Where(f => f.Id == "LG1001"), f => Assert.Equal("chat", f.Properties["task"]));
    }

    [Theory]
    [InlineData("https://models.github.ai/inference/chat/completions", "github-models", "chat")]
    [InlineData("https://models.inference.ai.azure.com", "github-models", null)]
    [InlineData("https://openrouter.ai/api/v1/chat/completions", "openrouter", "chat")]
    [InlineData("https://contoso.services.ai.azure.com/models/embeddings?api-version=2024-05-01-preview", "azure-ai-inference", "embeddings")]
    public async Task HostedInferenceEndpointsAreReported(string url, string service, string? task)
    {
        var finding = Assert.Single(await FindingsAsync($$"""class C { string M() => "{{url}}"; }"""));
        Assert.Equal(("LG1002", service), (finding.Id, finding.Properties["service"]));
        Assert.Equal(task, finding.Properties.TryGetValue("task", out var t) ? t : null);
    }

    [Fact]
    public async Task AClosedModelThroughAGatewayIsBothAnEndpointAndAClosedModel()
    {
        var findings = await FindingsAsync("""
            class C
            {
                const string Gateway = "https://openrouter.ai/api/v1";
                const string Model = "anthropic/claude-3.5-sonnet";
                const string OpenModel = "meta-llama/llama-3.1-8b-instruct";
            }
            """);
        Assert.Equal(new[] { ("LG1002", "openrouter"), ("LG1003", "anthropic") }, findings.Select(f => (f.Id, f.Properties["service"]!)).OrderBy(f => f.Id));
    }

    private static async Task<List<Diagnostic>> FindingsAsync(string source)
    {
        var compilation = await AnalyzerRunner.CompileAsync(new[] { source });
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(compilation, Array.Empty<AdditionalText>());
        Assert.Empty(exceptions);
        return diagnostics.Where(d => d.Id.StartsWith("LG10", StringComparison.Ordinal)).ToList();
    }
}
