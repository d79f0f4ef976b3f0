// category: endpoint
// Held-out late-2026 ecosystem shapes (second batch): proprietary AI endpoints (regional, data-residency, sovereign-cloud,
// FIPS, websocket/realtime, batch/upload, host-only, templated) and closed model ids (dated snapshots, Vertex publisher
// paths, Bedrock inference profiles, router-prefixed ids, fine-tuned ids, deployment names), held in varied places:
// constants, options defaults, positional record defaults, dictionaries, switch expressions, arrays + LINQ, attributes,
// string.Format, StringBuilder, UriBuilder, interpolated raw strings, UTF-8 literals, environment fallbacks and tuples.
// Planted non-findings: vendor console/status links, cluster-local servers with open-weight models, open-weight repo
// ids (including gpt-oss and Gemma), short look-alike words in non-model positions, and a non-AI "Gemini" host.
// Written by a helper that saw only the categories of issue 22 (not the catalog, the analyzers or the other cases) and run
// once on e5a07d9: 32 of 39 findings, no false positive on 5 planted non-findings (one raw string needed $$$ to compile).
// Missed, by category: dated API-only Mistral ids, an API-only id inside an open family's prefix (qwen3-max), a host
// template whose first label is a hole, a fine-tuned id, a "model" key after a hole in an interpolated JSON body.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.EcosystemLate2;

// case: vertex-anthropic-stream — Claude on Vertex AI: the dated publisher model id and the regional aiplatform host template
public static class VertexClaudeStream
{
    private const string Model = "claude-sonnet-4-5@20250929"; // expect: LG1003
    private static readonly string GeminiPath = "projects/acme-ml/locations/global/publishers/google/models/gemini-2.5-flash-lite"; // expect: LG1003

    public static Uri StreamUri(string project, string region) =>
        new($"https://{region}-aiplatform.googleapis.com/v1/projects/{project}/locations/{region}/publishers/anthropic/models/{Model}:streamRawPredict"); // expect: LG1002

    public static string Describe() => GeminiPath;
}

// case: azure-gov-openai-options — Azure OpenAI in Azure Government (openai.azure.us) as an options default, with a deployment named after a dated model snapshot
public sealed class AzureGovOpenAiOptions
{
    public Uri Endpoint { get; set; } = new("https://contoso-usgov.openai.azure.us/"); // expect: LG1002

    public string DeploymentName { get; set; } = "gpt-4o-2024-11-20"; // expect: LG1003

    public string ApiVersion { get; set; } = "2024-10-21";
}

// case: bedrock-fips-dictionary — Bedrock runtime FIPS hosts per region in a dictionary, and a global cross-region inference profile id
public static class BedrockFipsRouting
{
    public static readonly Dictionary<string, Uri> RuntimeByRegion = new()
    {
        ["us-east-1"] = new Uri("https://bedrock-runtime-fips.us-east-1.amazonaws.com"), // expect: LG1002
        ["us-gov-west-1"] = new Uri("https://bedrock-runtime-fips.us-gov-west-1.amazonaws.com"), // expect: LG1002
    };

    public static readonly string InferenceProfile = "global.anthropic.claude-sonnet-4-5-20250929-v1:0"; // expect: LG1003

    public static Uri ConverseUri(string region) => new(RuntimeByRegion[region], $"/model/{Uri.EscapeDataString(InferenceProfile)}/converse");
}

// case: openai-realtime-websocket — the OpenAI Realtime API over wss:// with the dated realtime model in a constant
public static class OpenAiRealtimeSocket
{
    private const string Model = "gpt-realtime-2025-08-28"; // expect: LG1003

    public static async Task<ClientWebSocket> ConnectAsync(string apiKey, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + apiKey);
        await socket.ConnectAsync(new Uri($"wss://api.openai.com/v1/realtime?model={Model}"), cancellationToken); // expect: LG1002
        return socket;
    }
}

// case: gemini-live-bidi — the Gemini Live API websocket (BidiGenerateContent) and a native-audio preview model
public static class GeminiLiveSession
{
    public const string LiveUrl = "wss://generativelanguage.googleapis.com/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent"; // expect: LG1002

    public const string SetupModel = "models/gemini-2.5-flash-native-audio-preview-09-2025"; // expect: LG1003

    public static Uri WithKey(string key) => new(LiveUrl + "?key=" + Uri.EscapeDataString(key));
}

// case: speech-eu-hosts — EU speech-to-text hosts: Deepgram's EU host as a UTF-8 host-only literal and AssemblyAI's EU upload endpoint built with StringBuilder
public static class EuSpeechHosts
{
    public static ReadOnlySpan<byte> DeepgramHost => "api.eu.deepgram.com"u8; // expect: LG1002

    public static string AssemblyAiUpload() => new StringBuilder()
        .Append("https://api.eu.assemblyai.com") // expect: LG1002
        .Append("/v2/upload")
        .ToString();
}

// case: elevenlabs-residency-record — ElevenLabs EU data-residency host and TTS model as positional record defaults
public sealed record ElevenLabsTtsSettings(
    string BaseUrl = "https://api.eu.residency.elevenlabs.io", // expect: LG1002
    string ModelId = "eleven_multilingual_v2", // expect: LG1003
    string VoiceId = "21m00Tcm4TlvDq8ikWAM");

// case: mistral-task-switch — dated Mistral API-only models chosen in a switch expression; the fallback open-mistral-nemo is open weights and is not a finding
public static class MistralTaskModels
{
    public static string ModelFor(string task) => task switch
    {
        "ocr" => "mistral-ocr-2505", // expect: LG1003
        "code" => "codestral-2508", // expect: LG1003
        "reason" => "magistral-medium-2509", // expect: LG1003
        "chat" => "mistral-medium-2508", // expect: LG1003
        _ => "open-mistral-nemo",
    };
}

// case: voyage-attribute — a closed Voyage embedding model named in a custom attribute, and the Voyage embeddings endpoint
[AttributeUsage(AttributeTargets.Class)]
public sealed class EmbeddingModelAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

[EmbeddingModel("voyage-3-large")] // expect: LG1003
public sealed class ContractClauseIndex
{
    public const string Endpoint = "https://api.voyageai.com/v1/embeddings"; // expect: LG1002
}

// case: xai-format-tuple — xAI's API formatted with string.Format and the Grok model id returned together in a tuple
public static class GrokTarget
{
    public static (string Url, string Model) For(string path) =>
        (string.Format("https://api.x.ai/v1/{0}", path), "grok-4-fast-reasoning"); // expect: LG1002 LG1003
}

// case: dashscope-env-fallback — Alibaba Model Studio's international compatible-mode endpoint and the closed qwen3-max as environment fallbacks
public static class DashScopeDefaults
{
    public static string BaseUrl => Environment.GetEnvironmentVariable("DASHSCOPE_BASE_URL") ?? "https://dashscope-intl.aliyuncs.com/compatible-mode/v1"; // expect: LG1002

    public static string Model => Environment.GetEnvironmentVariable("DASHSCOPE_MODEL") ?? "qwen3-max"; // expect: LG1003
}

// case: foundry-uribuilder-host — an Azure AI Foundry resource host template set on a UriBuilder
public static class FoundryUris
{
    public static Uri ChatCompletions(string resource) => new UriBuilder
    {
        Scheme = Uri.UriSchemeHttps,
        Host = $"{resource}.services.ai.azure.com", // expect: LG1002
        Path = "/openai/v1/chat/completions",
    }.Uri;
}

// case: router-and-finetuned-ids — router-prefixed closed ids and an OpenAI fine-tuned id in an array filtered with LINQ; the Llama and gpt-oss entries are open weights
public static class RouterCandidates
{
    private static readonly string[] Candidates =
    {
        "openai/gpt-5-mini", // expect: LG1003
        "anthropic/claude-haiku-4.5", // expect: LG1003
        "google/gemini-2.5-pro", // expect: LG1003
        "meta-llama/llama-3.3-70b-instruct",
        "openai/gpt-oss-120b",
        "ft:gpt-4.1-mini-2025-04-14:acme-corp:support-triage:BkQ7x2Lm", // expect: LG1003
    };

    public static IEnumerable<string> Hosted() => Candidates.Where(id => !id.Contains("llama")).OrderBy(id => id);
}

// case: anthropic-batch-raw-json — the Anthropic API base used for the Message Batches endpoint, with a dated Claude model inside an interpolated raw JSON body
public static class AnthropicBatches
{
    private const string AnthropicBase = "https://api.anthropic.com"; // expect: LG1002

    public static HttpRequestMessage Create(string customId, int maxTokens)
    {
        string body = $$$"""
            {"requests": [{"custom_id": "{{{customId}}}", "params": {"model": "claude-opus-4-1-20250805", "max_tokens": {{{maxTokens}}}, "messages": []}}]}
            """; // expect(-2): LG1003
        return new HttpRequestMessage(HttpMethod.Post, AnthropicBase + "/v1/messages/batches")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
    }
}

// case: openai-compatible-providers — OpenAI-compatible base URLs of hosted inference providers in a dictionary; the local Ollama entry is not a finding
public static class CompatibleProviders
{
    public static readonly IReadOnlyDictionary<string, string> BaseUrls = new Dictionary<string, string>
    {
        ["groq"] = "https://api.groq.com/openai/v1", // expect: LG1002
        ["cerebras"] = "https://api.cerebras.ai/v1", // expect: LG1002
        ["sambanova"] = "https://api.sambanova.ai/v1", // expect: LG1002
        ["cohere"] = "https://api.cohere.ai/compatibility/v1", // expect: LG1002
        ["moonshot"] = "https://api.moonshot.ai/v1", // expect: LG1002
        ["nvidia"] = "https://integrate.api.nvidia.com/v1", // expect: LG1002
        ["ollama"] = "http://localhost:11434/v1",
    };
}

// case: provider-console-links — vendor console, key-management and status pages shown to the user are not API endpoints
public static class ProviderHelpLinks
{
    private static readonly Dictionary<string, string> KeyPages = new()
    {
        ["openai"] = "https://platform.openai.com/settings/organization/api-keys",
        ["anthropic"] = "https://console.anthropic.com/settings/keys",
        ["gemini"] = "https://aistudio.google.com/apikey",
        ["mistral"] = "https://console.mistral.ai/api-keys",
    };

    public const string StatusPage = "https://status.openai.com";

    public static string Hint(string provider) => $"Create a key at {KeyPages[provider]} and store it with dotnet user-secrets.";
}

// case: cluster-local-vllm — a self-hosted vLLM server on a cluster-local host serving open-weight Qwen and BGE models
public sealed class SelfHostedLlmOptions
{
    public Uri Endpoint { get; set; } = new("http://vllm.inference.svc.cluster.local:8000/v1/");

    public string Model { get; set; } = "Qwen/Qwen3-30B-A3B-Instruct-2507";

    public string EmbeddingModel { get; set; } = "BAAI/bge-m3";
}

// case: open-weight-catalog — Hugging Face repo ids of open-weight models (Llama, Mistral Small, Phi, Gemma, gpt-oss, Qwen) with their licenses
public static class OpenWeightCatalog
{
    public static readonly (string Repo, string License)[] Models =
    {
        ("meta-llama/Llama-3.1-8B-Instruct", "llama3.1"),
        ("mistralai/Mistral-Small-3.2-24B-Instruct-2506", "apache-2.0"),
        ("microsoft/Phi-4-mini-instruct", "mit"),
        ("google/gemma-3-27b-it", "gemma"),
        ("openai/gpt-oss-120b", "apache-2.0"),
        ("Qwen/Qwen2.5-Coder-7B-Instruct", "apache-2.0"),
    };
}

// case: short-lookalike-words — words that look like model names in non-model positions: a GPT partition scheme, ozone, a zodiac sign, poem forms
public static class LookAlikeWords
{
    public const string PartitionScheme = "gpt";

    public static readonly string[] Pollutants = { "pm25", "no2", "o3" };

    public static readonly string[] PoemForms = { "haiku", "sonnet", "villanelle" };

    public static string Sign(int month, int day) => (month, day) switch
    {
        (5, >= 21) or (6, <= 20) => "gemini",
        _ => "other",
    };
}

// case: non-ai-gemini-and-own-gateway — the Gemini crypto exchange's market-data API and the user's own internal LLM gateway are not proprietary AI endpoints
public static class MarketDataAndGateway
{
    private static readonly HttpClient Exchange = new() { BaseAddress = new Uri("https://api.gemini.com/") };

    private static readonly HttpClient Gateway = new() { BaseAddress = new Uri("https://llm-gateway.contoso.internal/v1/") };

    public static Task<string> TickerAsync(string symbol) => Exchange.GetStringAsync($"v1/pubticker/{symbol}");

    public static Task<string> HealthAsync() => Gateway.GetStringAsync("health");
}
