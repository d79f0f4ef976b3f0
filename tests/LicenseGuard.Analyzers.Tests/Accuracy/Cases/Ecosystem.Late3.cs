// category: endpoint
// Held-out shapes (late 2026): proprietary AI endpoints and closed model ids reached through less obvious C# constructs:
// static constructors, Lazy<T> initialisers, local functions, switch statements with when clauses, Uri(Uri, string)
// combining, records with `with` expressions, init-only options in nested classes, enum-keyed read-only maps,
// const interpolated strings, string.Concat/string.Join, StringBuilder query strings, generic fallback helpers,
// verbatim, UTF-8 and raw literals, extension methods; plus planted non-findings (consoles, self-hosted, open weights,
// look-alike words, the user's own gateway). BCL only.
// Written by a helper that saw only the categories of issue 22 (not the catalog, the analyzers or the other cases) and run
// once on 8ece86c, after the fixes the second set led to: 55 of 56 findings (LG1002 29/30, LG1003 26/26), no false
// positive on 5 planted non-findings and 16 unmarked lines. The miss, a conditional hole inside a host label
// (bedrock-runtime{(fips ? "-fips" : "")}.{region}…), is now judged with each constant the conditional chooses.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.EcosystemLate3;

// case: static-ctor-azure-ai — Azure AI Foundry project, Speech STT, Translator and (sovereign or public) Vision hosts assigned in a static constructor
public static class AzureAiStaticInit
{
    public static readonly string FoundryProjectTemplate;
    public static readonly string SpeechToTextTemplate;
    public static readonly string TranslatorUrl;
    public static readonly string VisionEndpointTemplate;

    static AzureAiStaticInit()
    {
        bool sovereign = Environment.GetEnvironmentVariable("AZURE_CLOUD") == "AzureUSGovernment";
        FoundryProjectTemplate = "https://{0}.services.ai.azure.com/api/projects/{1}"; // expect: LG1002
        SpeechToTextTemplate = "https://{region}.stt.speech.microsoft.com/speech/recognition/conversation/cognitiveservices/v1?language=en-US"; // expect: LG1002
        TranslatorUrl = "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de"; // expect: LG1002
        VisionEndpointTemplate = sovereign
            ? "https://{0}.cognitiveservices.azure.us/computervision/imageanalysis:analyze?api-version=2024-02-01" // expect: LG1002
            : "https://{0}.cognitiveservices.azure.com/computervision/imageanalysis:analyze?api-version=2024-02-01"; // expect: LG1002
    }
}

// case: lazy-anthropic-batches — Anthropic's API host as the base address inside a Lazy<HttpClient> factory, a relative batches path, and a dated Claude snapshot inside an anonymous request body
public static class AnthropicBatches
{
    private static readonly Lazy<HttpClient> Client = new(() =>
    {
        var http = new HttpClient { BaseAddress = new Uri("https://api.anthropic.com/") }; // expect: LG1002
        http.DefaultRequestHeaders.Add("anthropic-version", "2023-06-01");
        return http;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Task<HttpResponseMessage> SubmitAsync(IEnumerable<string> prompts)
    {
        var requests = prompts.Select((p, i) => new
        {
            custom_id = $"req-{i}",
            @params = new { model = "claude-opus-4-1-20250805", max_tokens = 1024, messages = new[] { new { role = "user", content = p } } }, // expect: LG1003
        }).ToArray();
        return Client.Value.PostAsJsonAsync("v1/messages/batches", new { requests });
    }
}

// case: local-function-bedrock — Bedrock runtime URL (optionally FIPS) built in a local function from an interpolated template; US and global cross-region inference-profile ids for Claude
public static class BedrockLocalFunction
{
    public static async Task<string> ConverseAsync(HttpClient http, string region, bool fips, string prompt)
    {
        string primary = "us.anthropic.claude-sonnet-4-20250514-v1:0"; // expect: LG1003
        string fallback = "global.anthropic.claude-sonnet-4-5-20250929-v1:0"; // expect: LG1003

        Uri ConverseUri(string modelId) =>
            new Uri($"https://bedrock-runtime{(fips ? "-fips" : "")}.{region}.amazonaws.com/model/{Uri.EscapeDataString(modelId)}/converse"); // expect: LG1002

        var body = new { messages = new[] { new { role = "user", content = new[] { new { text = prompt } } } } };
        using var response = await http.PostAsJsonAsync(ConverseUri(primary), body);
        if (!response.IsSuccessStatusCode)
        {
            using var retry = await http.PostAsJsonAsync(ConverseUri(fallback), body);
            return await retry.Content.ReadAsStringAsync();
        }

        return await response.Content.ReadAsStringAsync();
    }
}

// case: switch-when-bare-hosts — bare API hosts of xAI, DeepSeek's platform, Moonshot (China and international) and Cerebras returned from a switch statement with a when guard
public static class BareHostSwitch
{
    public enum Vendor { XAi, DeepSeek, Moonshot, Cerebras }

    public static string HostFor(Vendor vendor, string? region)
    {
        switch (vendor)
        {
            case Vendor.Moonshot when region == "cn":
                return "api.moonshot.cn"; // expect: LG1002
            case Vendor.Moonshot:
                return "api.moonshot.ai"; // expect: LG1002
            case Vendor.XAi:
                return "api.x.ai"; // expect: LG1002
            case Vendor.DeepSeek:
                return "api.deepseek.com"; // expect: LG1002
            case Vendor.Cerebras:
                return "api.cerebras.ai"; // expect: LG1002
            default:
                throw new ArgumentOutOfRangeException(nameof(vendor));
        }
    }
}

// case: uri-combine-voyage-cohere — Voyage and Cohere API roots combined with relative paths through Uri(Uri, string); closed embedding and rerank models in the bodies
public static class CombinedUris
{
    private static readonly Uri VoyageRoot = new Uri("https://api.voyageai.com/"); // expect: LG1002
    private static readonly Uri CohereRoot = new("https://api.cohere.com/"); // expect: LG1002

    public static Task<HttpResponseMessage> EmbedAsync(HttpClient http, string[] texts) =>
        http.PostAsJsonAsync(new Uri(VoyageRoot, "v1/embeddings"), new { model = "voyage-3-large", input = texts, input_type = "document" }); // expect: LG1003

    public static Task<HttpResponseMessage> RerankAsync(HttpClient http, string query, string[] documents) =>
        http.PostAsJsonAsync(new Uri(CohereRoot, "v2/rerank"), new { model = "rerank-v3.5", query, documents, top_n = 5 }); // expect: LG1003
}

// case: record-with-hosted-open-models — hosted inference APIs (Groq, Together, Hugging Face router, NVIDIA) derived with `with`; the hosts are proprietary services but the models served are open-weight
public sealed record HostedOpenModel(string BaseUrl, string Model, string ApiKeyVariable)
{
    public static readonly HostedOpenModel Groq = new(
        "https://api.groq.com/openai/v1", // expect: LG1002
        "llama-3.3-70b-versatile",
        "GROQ_API_KEY");

    public static readonly HostedOpenModel Together = Groq with
    {
        BaseUrl = "https://api.together.xyz/v1", // expect: LG1002
        Model = "meta-llama/Llama-3.3-70B-Instruct-Turbo",
        ApiKeyVariable = "TOGETHER_API_KEY",
    };

    public static readonly HostedOpenModel HuggingFace = Together with
    {
        BaseUrl = "https://router.huggingface.co/v1", // expect: LG1002
        Model = "moonshotai/Kimi-K2-Instruct",
        ApiKeyVariable = "HF_TOKEN",
    };

    public static readonly HostedOpenModel Nvidia = Groq with { BaseUrl = "https://integrate.api.nvidia.com/v1", Model = "meta/llama-3.1-8b-instruct", ApiKeyVariable = "NVIDIA_API_KEY" }; // expect: LG1002
}

// case: init-only-azure-government — Azure OpenAI in Azure Government formatted into an init-only property of a nested options class; the deployment is named after a dated GPT-4o snapshot
public static class AzureGovernmentOpenAi
{
    public sealed class Options
    {
        public string Endpoint { get; init; } = "";
        public string Deployment { get; init; } = "";
        public string ApiVersion { get; init; } = "2024-10-21";
    }

    public static Options ForResource(string resource) => new()
    {
        Endpoint = string.Format("https://{0}.openai.azure.us/", resource), // expect: LG1002
        Deployment = "gpt-4o-2024-11-20", // expect: LG1003
    };

    public static Uri ChatUri(Options o) => new($"{o.Endpoint}openai/deployments/{o.Deployment}/chat/completions?api-version={o.ApiVersion}");
}

// case: enum-map-speech-sockets — an enum-keyed IReadOnlyDictionary of speech websockets and uploads (Deepgram, AssemblyAI EU, OpenAI realtime) plus ElevenLabs in a nested class; model ids ride in the query strings
public static class SpeechBackends
{
    public enum Backend { DeepgramLive, AssemblyAiEuUpload, OpenAiRealtime }

    public static readonly IReadOnlyDictionary<Backend, string> Urls = new Dictionary<Backend, string>
    {
        [Backend.DeepgramLive] = "wss://api.deepgram.com/v1/listen?model=nova-3&smart_format=true", // expect: LG1002 LG1003
        [Backend.AssemblyAiEuUpload] = "https://api.eu.assemblyai.com/v2/upload", // expect: LG1002
        [Backend.OpenAiRealtime] = "wss://api.openai.com/v1/realtime?model=gpt-realtime", // expect: LG1002 LG1003
    };

    private static class ElevenLabs
    {
        internal const string StreamInput = "wss://api.elevenlabs.io/v1/text-to-speech/{0}/stream-input?model_id=eleven_flash_v2_5"; // expect: LG1002 LG1003
    }

    public static async Task<ClientWebSocket> ConnectAsync(Backend backend, string token, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        await socket.ConnectAsync(new Uri(Urls[backend]), ct);
        return socket;
    }

    public static async Task<ClientWebSocket> ConnectVoiceAsync(string voiceId, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(string.Format(ElevenLabs.StreamInput, voiceId)), ct);
        return socket;
    }
}

// case: const-interpolated-dashscope — Alibaba Model Studio's international compatible-mode base as a C# 10 const interpolated string, with the closed Qwen-Max model
public static class DashScopeInternational
{
    private const string ApiVersion = "v1";
    public const string CompatibleBase = $"https://dashscope-intl.aliyuncs.com/compatible-mode/{ApiVersion}"; // expect: LG1002
    public const string Model = "qwen-max"; // expect: LG1003

    public static Task<HttpResponseMessage> ChatAsync(HttpClient http, string prompt) =>
        http.PostAsJsonAsync(new Uri(CompatibleBase + "/chat/completions"), new { model = Model, messages = new[] { new { role = "user", content = prompt } } });
}

// case: concat-join-perplexity — Perplexity's API host joined with string.Concat and the sonar-pro model inside a JSON fragment assembled with string.Join
public static class PerplexityConcat
{
    public static HttpRequestMessage Build(string escapedQuestion)
    {
        string url = string.Concat("https://api.perplexity.ai", "/chat/completions"); // expect: LG1002
        string body = string.Join(
            ",",
            "{\"model\":\"sonar-pro\"", // expect: LG1003
            "\"search_recency_filter\":\"week\"",
            "\"messages\":[{\"role\":\"user\",\"content\":\"" + escapedQuestion + "\"}]}");
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}

// case: relative-request-escaped-json — OpenAI host only as a base address, the request uses a relative Uri, and the dated model id sits in hand-escaped JSON
public static class OpenAiRelativeRequest
{
    private static readonly HttpClient Http = new() { BaseAddress = new Uri("https://api.openai.com/") }; // expect: LG1002

    public static Task<HttpResponseMessage> SendAsync(string escapedInput)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("v1/responses", UriKind.Relative))
        {
            Content = new StringContent("{\"model\":\"gpt-4.1-mini-2025-04-14\",\"store\":false,\"input\":\"" + escapedInput + "\"}", Encoding.UTF8, "application/json"), // expect: LG1003
        };
        return Http.SendAsync(request);
    }
}

// case: stringbuilder-gemini-query — Gemini API URL and query string assembled by hand in a StringBuilder, the model from a private const
public static class GeminiQueryBuilder
{
    private const string Model = "gemini-2.5-flash-lite"; // expect: LG1003

    public static Uri StreamUri(string apiKey)
    {
        var sb = new StringBuilder("https://generativelanguage.googleapis.com"); // expect: LG1002
        sb.Append("/v1beta/models/").Append(Model).Append(":streamGenerateContent");
        sb.Append("?alt=sse&key=").Append(Uri.EscapeDataString(apiKey));
        return new Uri(sb.ToString());
    }
}

// case: generic-fallback-chain — a generic first-success helper over a list of closed chat fallbacks (incl. a fine-tuned id) and a per-task map of closed moderation, TTS, image and OCR models
public static class ModelFallbacks
{
    private static readonly List<string> ChatChain = new()
    {
        "gpt-5-mini", // expect: LG1003
        "claude-3-5-haiku-latest", // expect: LG1003
        "gemini-2.0-flash-001", // expect: LG1003
        "grok-4-0709", // expect: LG1003
        "ft:gpt-4o-mini-2024-07-18:contoso::9xQ2LmKp", // expect: LG1003
    };

    private static readonly Dictionary<string, string> ByTask = new()
    {
        ["moderation"] = "omni-moderation-latest", // expect: LG1003
        ["speech"] = "gpt-4o-mini-tts", // expect: LG1003
        ["image"] = "gpt-image-1", // expect: LG1003
        ["ocr"] = "mistral-ocr-latest", // expect: LG1003
    };

    public static async Task<T?> FirstSuccessAsync<T>(Func<string, Task<T?>> attempt) where T : class
    {
        foreach (string model in ChatChain)
        {
            var result = await attempt(model);
            if (result is not null)
            {
                return result;
            }
        }

        return null;
    }

    public static string ForTask(string task) => ByTask.TryGetValue(task, out var model) ? model : ChatChain[0];
}

// case: verbatim-vertex-paths — a verbatim Vertex AI rawPredict template for Claude (publisher model path with @version) and an interpolated Gemini publisher resource name
public static class VertexPublisherPaths
{
    private const string ClaudeTemplate =
        @"https://{0}-aiplatform.googleapis.com/v1/projects/{1}/locations/{0}/publishers/anthropic/models/claude-sonnet-4@20250514:streamRawPredict"; // expect: LG1002 LG1003

    public static Uri Claude(string region, string project) => new(string.Format(ClaudeTemplate, region, project));

    public static string GeminiResource(string project) => $"projects/{project}/locations/global/publishers/google/models/gemini-2.5-pro"; // expect: LG1003
}

// case: extension-utf8-raw-routers — extension methods posting to OpenRouter (URL as a UTF-8 literal) and GitHub Models, with provider-prefixed closed ids inside raw JSON strings
public static class RouterExtensions
{
    private static ReadOnlySpan<byte> OpenRouterUrl => "https://openrouter.ai/api/v1/chat/completions"u8; // expect: LG1002

    public static Task<HttpResponseMessage> AskOpenRouterAsync(this HttpClient http, string escapedPrompt)
    {
        string body = $$"""
            {"model": "anthropic/claude-sonnet-4", "messages": [{"role": "user", "content": "{{escapedPrompt}}"}]}
            """; // expect(-2): LG1003
        return http.PostAsync(new Uri(Encoding.UTF8.GetString(OpenRouterUrl)), new StringContent(body, Encoding.UTF8, "application/json"));
    }

    public static Task<HttpResponseMessage> AskGitHubModelsAsync(this HttpClient http, string escapedPrompt)
    {
        string body = $$"""
            {"model": "openai/gpt-4.1", "messages": [{"role": "user", "content": "{{escapedPrompt}}"}]}
            """; // expect(-2): LG1003
        return http.PostAsync("https://models.github.ai/inference/chat/completions", new StringContent(body, Encoding.UTF8, "application/json")); // expect: LG1002
    }
}

// case: vendor-console-links — help links shown to the user point at vendors' consoles, docs, status and pricing pages, none of which is an API endpoint
public static class ApiKeyHelp
{
    public static readonly IReadOnlyDictionary<string, string> WhereToGetAKey = new Dictionary<string, string>
    {
        ["openai"] = "https://platform.openai.com/api-keys",
        ["anthropic"] = "https://console.anthropic.com/settings/keys",
        ["gemini"] = "https://aistudio.google.com/app/apikey",
        ["mistral"] = "https://console.mistral.ai/api-keys",
    };

    public const string Pricing = "https://openai.com/api/pricing/";
    public const string Status = "https://status.anthropic.com";
    public const string RerankDocs = "https://docs.cohere.com/reference/rerank";
}

// case: self-hosted-open-models — localhost Ollama and LM Studio, a cluster-local vLLM service and a private-network server, all serving open-weight models; nothing proprietary
public static class SelfHosted
{
    public static (Uri Endpoint, string Model)[] Targets(bool inCluster) => inCluster
        ? new[]
        {
            (new Uri("http://vllm.inference.svc.cluster.local:8000/v1/"), "Qwen/Qwen2.5-7B-Instruct"),
            (new Uri("http://10.20.4.17:8080/v1/"), "mistralai/Mistral-7B-Instruct-v0.3"),
        }
        : new[]
        {
            (new Uri("http://localhost:11434/v1/"), "llama3.1:8b"),
            (new Uri("http://127.0.0.1:1234/v1/"), "gpt-oss:20b"),
        };
}

// case: open-weight-catalog — switch-expression and `is` patterns over open-weight model ids (gpt-oss, Phi, Gemma, DeepSeek, Mixtral, Whisper, Qwen); none is closed
public static class OpenWeightCatalog
{
    public static int ContextWindow(string modelId) => modelId switch
    {
        "openai/gpt-oss-120b" or "openai/gpt-oss-20b" => 131072,
        "microsoft/Phi-4-mini-instruct" => 131072,
        "google/gemma-3-27b-it" => 131072,
        string s when s.StartsWith("deepseek-ai/DeepSeek-R1", StringComparison.Ordinal) => 163840,
        "mistralai/Mixtral-8x7B-Instruct-v0.1" => 32768,
        _ => 8192,
    };

    public static bool IsSpeech(string modelId) => modelId is "openai/whisper-large-v3" or "openai/whisper-large-v3-turbo";

    public static bool IsCoder(string modelId) => modelId is "Qwen/Qwen2.5-Coder-32B-Instruct";
}

// case: look-alike-words — "sonnet" and "haiku" as poetry forms, "opus" as an audio codec, "Gemini" as a star sign and "Claude" as a customer's first name; no model is named
public static class LookAlikes
{
    public static readonly string[] PoemForms = { "sonnet", "haiku", "villanelle", "limerick" };

    public const string VoiceNoteMime = "audio/ogg; codecs=opus";

    public static string StarSign(int month, int day) => (month, day) switch
    {
        (5, >= 21) or (6, <= 20) => "Gemini",
        (6, >= 21) or (7, <= 22) => "Cancer",
        _ => "Other",
    };

    public sealed record Customer(string FirstName, string LastName);

    public static readonly Customer Sample = new("Claude", "Monet");
}

// case: own-gateway-and-types — the company's own AI gateway and proxy hosts and its own OpenAI-compatible option type; the paths mention vendors but every host is the user's
public static class ContosoGateway
{
    public sealed class OpenAiCompatibleOptions
    {
        public Uri BaseAddress { get; init; } = new("https://ai-gateway.contoso.com/openai/");
        public string Deployment { get; init; } = "chat-prod";
    }

    public const string Proxy = "https://openai-proxy.internal.contoso.net/v1/chat/completions";
    public const string AnthropicShim = "https://llm.contoso.com/anthropic/v1/messages";
    public const string DeploymentHeader = "x-contoso-openai-deployment";
}
