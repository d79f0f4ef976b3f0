// category: api
// OpenAI-compatible SDKs pointed at self-hosted servers, in the shapes of dotnet/ai-samples' local-models samples and of apps
// that run Ollama, llama.cpp or a LiteLLM proxy: a constant local or private URL means the code talks to a self-hosted model,
// not to the vendor. An endpoint the code does not show (configuration) keeps the SDK's default, the vendor.
using System;
using System.ClientModel;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using OpenAI;
using OpenAI.Chat;

namespace Corpus.LocalServers;

// case: Semantic Kernel's OpenAI connector with a localhost endpoint and phi3 — a local Ollama, not OpenAI
public static class KernelOnOllama
{
    public static Kernel Build()
    {
        var builder = Kernel.CreateBuilder();
#pragma warning disable SKEXP0010
        builder.AddOpenAIChatCompletion(modelId: "phi3", endpoint: new Uri("http://localhost:11434"), apiKey: "apikey");
#pragma warning restore SKEXP0010
        return builder.Build();
    }
}

// case: options with a local endpoint in a local variable, then a chat client in a separate statement — both statements talk to the local server
public static class OptionsInALocal
{
    public static ChatClient Create()
    {
        var options = new OpenAIClientOptions { Endpoint = new Uri("http://127.0.0.1:8080/v1") };
        var client = new OpenAIClient(new ApiKeyCredential("none"), options);
        return client.GetChatClient("qwen2.5-7b-instruct");
    }
}

// case: the endpoint string in a local, wrapped in a Uri — followed to its constant
public static class EndpointString
{
    public static IChatClient Create()
    {
        var endpoint = "http://localhost:11434/v1";
        return new OpenAIClient(new ApiKeyCredential("ollama"), new OpenAIClientOptions { Endpoint = new Uri(endpoint) }).GetChatClient("llama3.2").AsIChatClient();
    }
}

// case: a server reached from a container through host.docker.internal — a local name
public static class DockerHost
{
    public static OpenAIClient Create() =>
        new OpenAIClient(new ApiKeyCredential("x"), new OpenAIClientOptions { Endpoint = new Uri("http://host.docker.internal:11434/v1") });
}

// case: a GPU box on the private network — a private address
public static class PrivateNetwork
{
    public static OpenAIClient Create() =>
        new OpenAIClient(new ApiKeyCredential("x"), new OpenAIClientOptions { Endpoint = new Uri("http://10.0.0.42:8000/v1") });
}

// case: a local LiteLLM proxy asked for a closed model — no LG1001 (the SDK talks to the proxy), but the closed model id is LG1003
public static class LocalProxyClosedModel
{
    public static ChatClient Create() =>
        new OpenAIClient(new ApiKeyCredential("sk-local"), new OpenAIClientOptions { Endpoint = new Uri("http://localhost:4000") }).GetChatClient("gpt-4o"); // expect: LG1003
}

// case: the endpoint from configuration — the code does not show where it goes, and the SDK's default is OpenAI
public static class EndpointFromConfiguration
{
    public static OpenAIClient Create(string key, string endpoint) =>
        new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri(endpoint) }); // expect: LG1001
}

// case: a public address that is not the vendor's — not local, so the SDK call stays a finding
public static class PublicAddress
{
    public static OpenAIClient Create(string key) =>
        new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://llm.contoso.example/v1") }); // expect: LG1001
}

// case: a prompt that is a localhost URL sent to OpenAI — a URL in the message is not the endpoint
public static class LocalUrlInPrompt
{
    public static Task<ClientResult<ChatCompletion>> AskAsync(ChatClient client) => client.CompleteChatAsync("http://localhost:3000/"); // expect: LG1001
}

// case: the default OpenAI endpoint with a local model name — the model name does not move the call
public static class DefaultEndpointLocalName
{
    public static ChatClient Create(string key) => new ChatClient("llama3.2", new ApiKeyCredential(key)); // expect: LG1001
}
