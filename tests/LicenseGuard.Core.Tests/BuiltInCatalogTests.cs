using LicenseGuard.Catalog;

namespace LicenseGuard.Core.Tests;

public class BuiltInCatalogTests
{
    private static readonly RulesCatalog Catalog = RulesCatalog.BuiltIn;

    [Fact]
    public void BuiltInCatalogLoadsWithoutProblems()
    {
        Assert.Empty(Catalog.Problems.Select(p => p.ToString()));
        Assert.True(Catalog.Services.Count >= 15);
        Assert.True(Catalog.Models.Count >= 40);
    }

    [Theory]
    [InlineData("openai", "OpenAI")]
    [InlineData("azure-openai", "Azure.AI.OpenAI")]
    [InlineData("anthropic", "Anthropic")]
    [InlineData("anthropic-bedrock", "Anthropic.Bedrock")]
    [InlineData("anthropic-vertex", "Anthropic.Vertex")]
    [InlineData("anthropic-foundry", "Anthropic.Foundry")]
    [InlineData("openai", "Microsoft.SemanticKernel.Connectors.OpenAI")]
    [InlineData("openai", "Microsoft.Extensions.AI.OpenAI")]
    [InlineData("openai", "Betalgo.Ranul.OpenAI")]
    [InlineData("azure-ai-inference", "Azure.AI.Inference")]
    [InlineData("google-gemini", "Google.GenAI")]
    [InlineData("aws-bedrock", "AWSSDK.BedrockRuntime")]
    [InlineData("mistral", "Microsoft.SemanticKernel.Connectors.MistralAI")]
    [InlineData("anthropic", "Anthropic.Mcp")]
    [InlineData("openai", "Betalgo.Ranul.OpenAI.Contracts")]
    [InlineData("baidu-ai", "Baidu.AI")]
    [InlineData("baidu-ai", "BootstrapBlazor.BaiduSpeech")]
    public void ServicesNameTheirSdkPackages(string serviceId, string package)
    {
        var service = Catalog.FindService(serviceId);
        Assert.NotNull(service);
        Assert.Contains(package, service!.Packages);
        Assert.Equal(LicenseClasses.Proprietary, Catalog.ClassOf(service.License));
    }

    [Theory]
    [InlineData("groq", "api.groq.com")]
    [InlineData("xai", "api.x.ai")]
    [InlineData("perplexity", "api.perplexity.ai")]
    [InlineData("deepseek", "api.deepseek.com")]
    [InlineData("cohere", "api.cohere.com")]
    [InlineData("mistral", "api.mistral.ai")]
    public void OpenAiCompatibleHostsAreCatalogued(string serviceId, string host)
    {
        Assert.Contains(host, Catalog.FindService(serviceId)!.Hosts);
    }

    [Theory]
    [InlineData("claude-3.5-sonnet", "Claude 3.5 Sonnet", false, "proprietary")]
    [InlineData("gpt-neo", "GPT-Neo", true, "permissive")]
    [InlineData("gpt-j-6b", "GPT-J 6B", true, "permissive")]
    [InlineData("gpt-neox-20b", "GPT-NeoX 20B", true, "permissive")]
    [InlineData("bert", "BERT", true, "permissive")]
    [InlineData("stable-diffusion-1", "Stable Diffusion 1.x", true, "open-weights-restricted")]
    [InlineData("llama-3.1-8b", "Llama 3.1 8B", true, "open-weights-restricted")]
    [InlineData("gemma", "Gemma", true, "open-weights-restricted")]
    [InlineData("qwen2.5-3b", "Qwen2.5 3B", true, "non-commercial")]
    [InlineData("gpt-oss-20b", "gpt-oss-20b", true, "permissive")]
    [InlineData("whisper", "Whisper", true, "permissive")]
    [InlineData("olmo-2-7b", "OLMo 2 7B", true, "permissive")]
    public void ModelsCarryTheirLicenceFacts(string id, string name, bool openWeights, string licenseClass)
    {
        var model = Catalog.FindModel(id)!;
        Assert.Equal(name, model.Name);
        Assert.Equal(openWeights, model.OpenWeights);
        Assert.Equal(licenseClass, Catalog.ClassOf(model.License));
    }

    [Fact]
    public void ClaudeThreePointFiveSonnetIsAnthropicApiOnly()
    {
        var model = Catalog.FindModel("claude-3.5-sonnet")!;
        Assert.Equal("anthropic", model.Service);
        Assert.Equal("Anthropic", model.Vendor);
        Assert.Equal("api-only", Catalog.FindService("anthropic")!.Access);
    }

    [Fact]
    public void EveryServiceOffersAtLeastThreeRunnableOpenAlternatives()
    {
        foreach (var service in Catalog.Services)
        {
            Assert.True(service.Alternatives.Count >= 3, service.Id);
            foreach (var alternative in service.Alternatives)
            {
                var model = Catalog.FindModel(alternative.Model)!;
                Assert.True(model.OpenWeights, $"{service.Id} suggests {model.Id}");
                Assert.NotEqual(LicenseClasses.NonCommercial, Catalog.ClassOf(model.License));
                Assert.NotNull(Catalog.FindRuntime(alternative.Runtime));
            }
        }
    }

    [Fact]
    public void AlternativesAreDescribedWithLicenceAndRuntime()
    {
        var text = Catalog.DescribeAlternatives(Catalog.FindService("openai")!.Alternatives);
        Assert.Equal("Qwen2.5 7B (Apache-2.0, permissive) via OllamaSharp, gpt-oss-20b (Apache-2.0, permissive) via OllamaSharp, Phi-3.5 mini (MIT, permissive) via ONNX Runtime GenAI", text);
    }
}
