// category: endpoint
// Raw HTTP to AI services, in the shapes of apps that skip the SDK (HttpClient with a base address, URLs built from a resource
// name, OpenAI-compatible clients pointed at another vendor), and the URLs around them that are not service endpoints:
// documentation, status pages, local servers, token scopes, look-alike hosts.
using System;
using System.ClientModel;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using OpenAI;

namespace Corpus.Endpoints;

// case: POST to the chat completions URL with HttpClient — the literal names the host
public static class RawChat
{
    public static Task<HttpResponseMessage> PostAsync(HttpClient http, object body) =>
        http.PostAsJsonAsync("https://api.openai.com/v1/chat/completions", body); // expect: LG1002
}

// case: HttpClient with a BaseAddress for Anthropic's Messages API — the Uri literal
public static class AnthropicBaseAddress
{
    public static HttpClient Create() => new HttpClient { BaseAddress = new Uri("https://api.anthropic.com/") }; // expect: LG1002
}

// case: Azure OpenAI URL interpolated from a resource name and deployment — holes inside the host
public static class AzureInterpolated
{
    public static string Url(string resource, string deployment) =>
        $"https://{resource}.openai.azure.com/openai/deployments/{deployment}/chat/completions?api-version=2024-10-21"; // expect: LG1002
}

// case: Gemini generateContent with the model id inside the URL path — the host, and the closed model in the path
public static class GeminiInPath
{
    public static string Url(string key) =>
        "https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent?key=" + key; // expect: LG1002 LG1003
}

// case: an OpenAI-compatible client pointed at Groq — the SDK call and the vendor's host
public static class GroqThroughOpenAiSdk
{
    public static OpenAIClient Create(string key) =>
        new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://api.groq.com/openai/v1") }); // expect: LG1001 LG1002
}

// case: DeepSeek's host in a constant used later — reported once, where the value is formed
public static class DeepSeekConstant
{
    public const string BaseUrl = "https://api.deepseek.com"; // expect: LG1002

    public static Uri Chat => new Uri(BaseUrl + "/chat/completions");
}

// case: Mistral's host concatenated with a path variable — the constant prefix
public static class MistralPrefix
{
    public static string Url(string path) => "https://api.mistral.ai/v1/" + path; // expect: LG1002
}

// case: OpenRouter, an OpenAI-compatible gateway — hosted inference is api-only
public static class OpenRouter
{
    public static Uri Endpoint => new Uri("https://openrouter.ai/api/v1"); // expect: LG1002
}

// case: xAI's host in a named HttpClient registration string — the host alone
public static class XaiHost
{
    public const string Host = "api.x.ai"; // expect: LG1002
}

// case: Bedrock runtime host with a region — a wildcard host pattern
public static class BedrockRegion
{
    public static string Url(string modelId) => "https://bedrock-runtime.us-east-1.amazonaws.com/model/" + modelId + "/converse"; // expect: LG1002
}

// case: Cohere's embed endpoint — embeddings through raw HTTP
public static class CohereEmbed
{
    public static Uri Endpoint => new Uri("https://api.cohere.com/v2/embed"); // expect: LG1002
}

// case: a local Ollama server's OpenAI-compatible endpoint — local, not a proprietary service (and the SDK pointed there is no LG1001)
public static class LocalOllama
{
    public static OpenAIClient Create() =>
        new OpenAIClient(new ApiKeyCredential("ollama"), new OpenAIClientOptions { Endpoint = new Uri("http://localhost:11434/v1") });
}

// case: a llama.cpp server on the LAN — a private address, no finding
public static class LlamaCppServer
{
    public static Uri Endpoint => new Uri("http://192.168.1.20:8080/v1/chat/completions");
}

// case: a documentation link in an error message — the docs site is not the API host
public static class DocsLink
{
    public static string Help => "See https://platform.openai.com/docs/guides/rate-limits for rate limits.";
}

// case: a status page URL — not the API host
public static class StatusPage
{
    public static Uri Status => new Uri("https://status.openai.com/");
}

// case: a model card PDF on the vendor's asset host — not an API endpoint
public static class ModelCardLink
{
    public static string Card => "https://assets.anthropic.com/m/1cd9d098ac3e6467/original/Claude-3-Model-Card-October-Addendum.pdf";
}

// case: a look-alike host that only contains the vendor's host as a prefix — hosts match exactly, never by substring
public static class LookAlikeHost
{
    public static Uri Proxy => new Uri("https://api.openai.com.internal.example/v1");
}

// case: the SDK's GitHub repository in a comment-like string — GitHub is not the service
public static class RepositoryLink
{
    public const string Source = "https://github.com/openai/openai-dotnet";
}

// case: an Azure storage account URL next to Azure OpenAI code — a different Azure host
public static class StorageUrl
{
    public static string Url(string account) => $"https://{account}.blob.core.windows.net/documents";
}

// case: a log message that mentions the host in prose — prose is not a URL or host string
public static class LogProse
{
    public static string Message(int status) => $"The call to api.openai.com failed with status {status}; retrying.";
}

// case: GitHub Models through raw HTTP with a closed model in the JSON body — the host and the model
public static class GitHubModelsJson
{
    public static Task<HttpResponseMessage> PostAsync(HttpClient http) =>
        http.PostAsync("https://models.github.ai/inference/chat/completions", // expect: LG1002
            new StringContent("""{"model": "openai/gpt-4.1", "messages": [{"role": "user", "content": "hi"}]}""")); // expect: LG1003
}
