// category: api
// Provider registration through Microsoft.Extensions.AI and Semantic Kernel, in the shapes of eShop, kernel-memory and the
// Semantic Kernel samples: the provider-specific registration is the finding, provider-neutral abstractions (IChatClient,
// Kernel, prompts, functions) are not, and a local runtime (Ollama) is not.
using System;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OllamaSharp;
using OpenAI;

namespace Corpus.ExtensionsAi;

// case: kernel builder with OpenAI chat completion and a closed model — the registration and the model id
public static class KernelWithOpenAi
{
    public static Kernel Build(string key) => Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", key).Build(); // expect: LG1001 LG1003
}

// case: kernel builder with Azure OpenAI and a deployment from configuration — the registration
public static class KernelWithAzure
{
    public static IKernelBuilder Add(IKernelBuilder builder, string deployment, string endpoint, string key) =>
        builder.AddAzureOpenAIChatCompletion(deployment, endpoint, key); // expect: LG1001
}

// case: Azure OpenAI registered on IServiceCollection, the way ASP.NET Core apps do it — the registration
public static class ServicesWithAzure
{
    public static void Register(IServiceCollection services, string deployment, string endpoint, string key) =>
        services.AddAzureOpenAIChatCompletion(deployment, endpoint, key); // expect: LG1001
}

// case: OpenAI embeddings registered with a model from configuration — embeddings registration
public static class KernelEmbeddings
{
    public static IKernelBuilder Add(IKernelBuilder builder, string model, string key) =>
#pragma warning disable SKEXP0010
        builder.AddOpenAIEmbeddingGenerator(model, key); // expect: LG1001
#pragma warning restore SKEXP0010
}

// case: OpenAI-specific prompt execution settings — connector types are written against the service
public static class ExecutionSettings
{
    public static PromptExecutionSettings Settings() => new OpenAIPromptExecutionSettings { Temperature = 0.2 }; // expect: LG1001
}

// case: invoking a prompt on a kernel — Kernel is provider-neutral; the registration elsewhere is the finding
public static class InvokePrompt
{
    public static async Task<string> RunAsync(Kernel kernel, string input) =>
        (await kernel.InvokePromptAsync("Summarize: {{$input}}", new KernelArguments { ["input"] = input })).ToString();
}

// case: a kernel function from a lambda — provider-neutral plugin code
public static class KernelFunctionFromLambda
{
    public static KernelFunction Create() => KernelFunctionFactory.CreateFromMethod((string city) => $"Sunny in {city}", "GetWeather");
}

// case: IChatClient registered from an OpenAI client in a factory lambda — one finding for the chain, and the model id
public static class AddChatClientFactory
{
    public static void Register(IServiceCollection services, string key) =>
        services.AddChatClient(_ => new OpenAIClient(key).GetChatClient("gpt-4o-mini").AsIChatClient()); // expect: LG1001 LG1003
}

// case: calling an IChatClient — provider-neutral; what is behind it is decided (and reported) where it is built
public static class UseChatClient
{
    public static async Task<string> AskAsync(IChatClient client, string question) => (await client.GetResponseAsync(question)).Text;
}

// case: a chat pipeline with middleware on an injected IChatClient — provider-neutral
public static class Pipeline
{
    public static IChatClient Wrap(IChatClient inner) => new ChatClientBuilder(inner).UseFunctionInvocation().Build();
}

// case: embeddings through IEmbeddingGenerator — provider-neutral
public static class UseEmbeddingGenerator
{
    public static async Task<ReadOnlyMemory<float>> EmbedAsync(IEmbeddingGenerator<string, Embedding<float>> generator, string text) =>
        (await generator.GenerateAsync(new[] { text }))[0].Vector;
}

// case: a local Ollama server with an open-weight model — a local runtime, no finding
public static class LocalOllama
{
    public static IChatClient Create() => new OllamaApiClient(new Uri("http://localhost:11434"), "llama3.2");
}

// case: Ollama embeddings with an open embedding model — local, no finding
public static class LocalOllamaEmbeddings
{
    public static IEmbeddingGenerator<string, Embedding<float>> Create() => new OllamaApiClient(new Uri("http://localhost:11434"), "nomic-embed-text");
}

// case: a provider switch that registers OpenAI in one branch and Ollama in the other — only the OpenAI branch is a finding
public static class ProviderSwitch
{
    public static IChatClient Create(bool useOpenAi, string key, string model) => useOpenAi
        ? new OpenAIClient(key).GetChatClient(model).AsIChatClient() // expect: LG1001
        : new OllamaApiClient(new Uri("http://localhost:11434"), model);
}
