using Verify = LicenseGuard.Analyzers.Tests.Harness.Verify<LicenseGuard.Analyzers.Rules.ProprietaryEndpointAnalyzer>;

namespace LicenseGuard.Analyzers.Tests.Rules;

public class ProprietaryEndpointAnalyzerTests
{
    [Fact]
    public async Task UrlLiteralIsReportedWithHostServiceAndAlternatives()
    {
        const string source = """
            using System.Net.Http;
            class C
            {
                HttpClient M() => new HttpClient { BaseAddress = new System.Uri({|#0:"https://api.openai.com/v1/"|}) };
            }
            """;
        await Verify.AnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.ProprietaryEndpoint).WithLocation(0)
            .WithArguments("api.openai.com", "OpenAI API", "proprietary, api-only", "they depend on the task, which this code does not show; OpenAI API covers chat, text completion, embeddings, image generation, image editing, image input (vision), speech to text, text to speech, moderation, video generation ('licenseguard rules show openai' lists the alternatives for each)"));
    }

    [Fact]
    public async Task RawHttpPostToAnthropicIsReported()
    {
        const string source = """
            using System.Net.Http;
            using System.Threading.Tasks;
            class C
            {
                Task<HttpResponseMessage> M(HttpClient http, HttpContent body) => http.PostAsync({|#0:"https://api.anthropic.com/v1/messages"|}, body);
            }
            """;
        await Verify.AnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.ProprietaryEndpoint).WithLocation(0)
            .WithArguments("api.anthropic.com", "Anthropic Claude API", "proprietary, api-only", "Qwen2.5 7B (Apache-2.0, permissive) via OllamaSharp, Mixtral 8x7B (Apache-2.0, permissive) via OllamaSharp, Phi-3.5 mini (MIT, permissive) via ONNX Runtime GenAI"));
    }

    [Fact]
    public async Task OpenAiCompatibleHostsOnClientOptionsAreReported()
    {
        const string source = """
            using System;
            using OpenAI;
            class C
            {
                OpenAIClientOptions Groq() => new() { Endpoint = new Uri({|#0:"https://api.groq.com/openai/v1"|}) };
                OpenAIClientOptions Xai() => new() { Endpoint = new Uri({|#1:"https://api.x.ai/v1"|}) };
                OpenAIClientOptions DeepSeek() => new() { Endpoint = new Uri({|#2:"https://api.deepseek.com"|}) };
                OpenAIClientOptions Perplexity() => new() { Endpoint = new Uri({|#3:"https://api.perplexity.ai"|}) };
            }
            """;
        await Verify.AnalyzerAsync(source,
            Verify.Diagnostic(DiagnosticIds.ProprietaryEndpoint).WithLocation(0),
            Verify.Diagnostic(DiagnosticIds.ProprietaryEndpoint).WithLocation(1),
            Verify.Diagnostic(DiagnosticIds.ProprietaryEndpoint).WithLocation(2),
            Verify.Diagnostic(DiagnosticIds.ProprietaryEndpoint).WithLocation(3));
    }

    [Fact]
    public async Task WildcardHostInInterpolatedAzureUrlIsReported()
    {
        const string source = """
            class C
            {
                string M(string resource, string deployment) => {|#0:$"https://{resource}.openai.azure.com/openai/deployments/{deployment}/chat/completions"|};
            }
            """;
        await Verify.AnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.ProprietaryEndpoint).WithLocation(0)
            .WithArguments("x.openai.azure.com", "Azure OpenAI Service", "proprietary, api-only", "Phi-3.5 mini (MIT, permissive) via ONNX Runtime GenAI, Qwen2.5 7B (Apache-2.0, permissive) via OllamaSharp, Mixtral 8x7B (Apache-2.0, permissive) via LLamaSharp"));
    }

    /// <summary>
    /// Concatenations and interpolations are read from the compiler's operations, so every place a string can be built counts:
    /// an interpolation handed to an interpolated-string handler (StringBuilder.Append), a parameter's default value, an
    /// attribute argument, a parenthesised constant prefix.
    /// </summary>
    [Fact]
    public async Task StringsBuiltOutsidePlainExpressionsAreReported()
    {
        const string source = """
            using System;
            using System.Text;
            [AttributeUsage(AttributeTargets.Method)]
            sealed class EndpointAttribute(string url) : Attribute { public string Url { get; } = url; }
            class C
            {
                const string Scheme = "https://";
                StringBuilder Handler(StringBuilder builder, string resource) => builder.Append({|#0:$"https://{resource}.openai.azure.com/openai/v1"|});
                string Default(string url = {|#1:Scheme + "api.anthropic" + ".com/v1"|}) => url;
                [Endpoint({|#2:Scheme + "api.mistral" + ".ai/v1"|})]
                void Attributed() { }
                string Parenthesised(string path) => ({|#3:Scheme + "api.openai" + ".com"|}) + path;
            }
            """;
        await Verify.AnalyzerAsync(source,
            Verify.Diagnostic(DiagnosticIds.ProprietaryEndpoint).WithLocation(0),
            Verify.Diagnostic(DiagnosticIds.ProprietaryEndpoint).WithLocation(1),
            Verify.Diagnostic(DiagnosticIds.ProprietaryEndpoint).WithLocation(2),
            Verify.Diagnostic(DiagnosticIds.ProprietaryEndpoint).WithLocation(3));
    }

    [Fact]
    public async Task ConstantsFoldedAcrossFilesAreReportedWhereTheHostIsFormed()
    {
        const string constants = """
            static class Endpoints
            {
                public const string Scheme = "https://";
                public const string Resource = "contoso";
            }
            """;
        const string use = """
            class C
            {
                const string Url = {|#0:Endpoints.Scheme + Endpoints.Resource + ".openai.azure.com/"|};
                System.Uri M() => new System.Uri(Url + "openai/v1");
            }
            """;
        await Verify.AnalyzerAsync(new[] { constants, use }, Array.Empty<(string, string)>(),
            Verify.Diagnostic(DiagnosticIds.ProprietaryEndpoint).WithLocation(0));
    }

    [Fact]
    public async Task HostConstantIsReportedOnceAtItsLiteralNotAtEachUse()
    {
        const string source = """
            class C
            {
                const string Host = {|#0:"generativelanguage.googleapis.com"|};
                static readonly string BaseUrl = "https://" + Host + "/v1beta/";
                string M(string model) => $"https://{Host}/v1beta/models/{model}:generateContent";
            }
            """;
        await Verify.AnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.ProprietaryEndpoint).WithLocation(0)
            .WithArguments("generativelanguage.googleapis.com", "Google Gemini API", "proprietary, api-only", "they depend on the task, which this code does not show; Google Gemini API covers chat, image input (vision), embeddings, image generation, video generation ('licenseguard rules show google-gemini' lists the alternatives for each)"));
    }

    [Fact]
    public async Task NonConstantConcatenationIsJudgedByItsConstantPrefix()
    {
        const string source = """
            class C
            {
                static readonly string Region = "us-east-1";
                string M(string path) => {|#0:"https://bedrock-runtime." + "us-east-1.amazonaws.com"|} + path + Region;
            }
            """;
        await Verify.AnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.ProprietaryEndpoint).WithLocation(0)
            .WithArguments("bedrock-runtime.us-east-1.amazonaws.com", "Amazon Bedrock", "proprietary, api-only", "they depend on the task, which this code does not show; Amazon Bedrock covers chat, embeddings, image generation, reranking ('licenseguard rules show aws-bedrock' lists the alternatives for each)"));
    }

    [Fact]
    public async Task CommentsProseAndLogMessagesAreNotReported()
    {
        const string source = """
            class C
            {
                // We used to call https://api.openai.com/v1/chat/completions here.
                /// <summary>Talks to api.anthropic.com no more.</summary>
                string M() => "Requests to https://api.openai.com are disabled in this build";
                string N() => "see api.openai.com docs";
                string O() => "mailto:team@api.openai.com.invalid is not a host either";
            }
            """;
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task LocalPrivateAndOpenModelHostsAreNotReported()
    {
        const string source = """
            class C
            {
                string[] M() => new[]
                {
                    "http://localhost:11434",
                    "http://127.0.0.1:8080/v1",
                    "http://10.0.0.12:11434/api/chat",
                    "https://ollama.internal.contoso.com/v1",
                    "https://huggingface.co/Qwen/Qwen2.5-7B-Instruct-GGUF",
                    "https://api.openai.com.evil.example/v1",
                    "https://notapi.openai.comx/",
                };
            }
            """;
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task SchemeLessHostWithPathIsReported()
    {
        const string source = """
            class C
            {
                string M() => {|#0:"api.mistral.ai/v1/chat/completions"|};
            }
            """;
        await Verify.AnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.ProprietaryEndpoint).WithLocation(0));
    }

    [Fact]
    public async Task RulesFileCanIgnoreAHostAndAddOne()
    {
        const string source = """
            class C
            {
                string[] M() => new[] { "https://api.openai.com/v1", {|#0:"https://llm.contoso.example/v1"|} };
            }
            """;
        const string rules = """
            {
              "rules": { "LG1002": { "ignore": ["api.openai.com"] } },
              "services": [ { "id": "contoso-llm", "name": "Contoso hosted LLM", "license": "LicenseRef-proprietary", "hosts": ["llm.contoso.example"] } ]
            }
            """;
        await Verify.AnalyzerAsync(new[] { source }, new[] { ("/0/licenseguard.json", rules) },
            Verify.Diagnostic(DiagnosticIds.ProprietaryEndpoint).WithLocation(0)
                .WithArguments("llm.contoso.example", "Contoso hosted LLM", "proprietary, api-only", "none listed in the catalog"));
    }
}
