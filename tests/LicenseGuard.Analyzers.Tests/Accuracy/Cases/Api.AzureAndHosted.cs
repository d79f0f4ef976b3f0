// category: api
// Azure OpenAI and hosted inference (Azure AI Inference / Foundry, GitHub Models), in the shapes of Azure-Samples apps and
// dotnet/ai-samples: DefaultAzureCredential or a key, deployments named by configuration, the Azure spelling of model ids,
// and the M.E.AI adapters on top. A hosted service is api-only access even when the model it serves has open weights.
using System;
using System.ClientModel;
using System.Threading.Tasks;
using Azure;
using Azure.AI.Inference;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using OpenAI.Embeddings;

namespace Corpus.AzureAndHosted;

// case: Azure OpenAI client with an endpoint from configuration and a key — the service's own client
public static class AzureWithKey
{
    public static AzureOpenAIClient Create(string endpoint, string key) => new AzureOpenAIClient(new Uri(endpoint), new AzureKeyCredential(key)); // expect: LG1001
}

// case: Azure OpenAI chat deployment named by configuration — the sub-client is the call; the deployment name is not an id
public static class AzureDeployment
{
    public static ChatClient Chat(AzureOpenAIClient client, string deployment) => client.GetChatClient(deployment); // expect: LG1001
}

// case: Azure deployment named with the Azure spelling of GPT-3.5 Turbo — `gpt-35-turbo` is the same closed model
public static class AzureSpelling
{
    public static ChatClient Chat(AzureOpenAIClient client) => client.GetChatClient("gpt-35-turbo"); // expect: LG1001 LG1003
}

// case: Azure embeddings deployment with a closed embedding model — embeddings task
public static class AzureEmbeddings
{
    public static EmbeddingClient Embeddings(AzureOpenAIClient client) => client.GetEmbeddingClient("text-embedding-ada-002"); // expect: LG1001 LG1003
}

// case: Azure OpenAI chat adapted to IChatClient in one expression — one finding for the whole chain
public static class AzureAsChatClient
{
    public static IChatClient Create(Uri endpoint, string key, string deployment) =>
        new AzureOpenAIClient(endpoint, new ApiKeyCredential(key)).GetChatClient(deployment).AsIChatClient(); // expect: LG1001
}

// case: Azure AI Inference chat client on GitHub Models with an open-weight model — the hosted service is the finding, the open model id is not
public static class GitHubModelsOpenModel
{
    public static ChatCompletionsClient Create(string token) =>
        new ChatCompletionsClient(new Uri("https://models.inference.ai.azure.com"), new AzureKeyCredential(token)); // expect: LG1001 LG1002

    public static string ModelId => "Phi-3.5-mini-instruct";
}

// case: Azure AI Inference completion with options naming a closed model — the call, and the closed model id in the options
public static class InferenceClosedModel
{
    public static Response<ChatCompletions> Ask(ChatCompletionsClient client, string question) =>
        client.Complete(new ChatCompletionsOptions { Model = "gpt-4o", Messages = { new ChatRequestUserMessage(question) } }); // expect: LG1001 LG1003
}

// case: Azure AI Inference client with client options from a Foundry endpoint in configuration — the hosted service's client
public static class InferenceWithOptions
{
    public static ChatCompletionsClient Create(string endpoint, string key) =>
        new ChatCompletionsClient(new Uri(endpoint), new AzureKeyCredential(key), new AzureAIInferenceClientOptions()); // expect: LG1001
}

// case: Azure AI Inference embeddings client — a hosted embeddings service
public static class InferenceEmbeddings
{
    public static EmbeddingsClient Create(Uri endpoint, string key) => new EmbeddingsClient(endpoint, new AzureKeyCredential(key)); // expect: LG1001
}

// case: the response's text read after the call — the call is the finding; reading its result is not another one
public static class InferenceResult
{
    public static async Task<string> AskAsync(ChatCompletionsClient client, ChatCompletionsOptions options)
    {
        Response<ChatCompletions> response = await client.CompleteAsync(options); // expect: LG1001
        return response.Value.Content;
    }
}

// case: Azure.Core types alone (a key credential, an Uri) — Azure.Core is not an AI SDK
public static class AzureCoreOnly
{
    public static AzureKeyCredential Credential(string key) => new AzureKeyCredential(key);
}

// case: a Foundry project endpoint kept in a variable for later — a string that is not an AI host is not an endpoint finding
public static class NotAnAiHost
{
    public static Uri Storage(string account) => new Uri($"https://{account}.blob.core.windows.net/models");
}
