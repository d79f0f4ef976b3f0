// category: api
// The community Betalgo OpenAI SDK (Betalgo.Ranul.OpenAI), in the shapes of its playground and of apps that use it: a service
// from options or DI, sub-services per task, request objects, and the SDK's model-name constants.
using System.Collections.Generic;
using System.Threading.Tasks;
using Betalgo.Ranul.OpenAI;
using Betalgo.Ranul.OpenAI.Extensions;
using Betalgo.Ranul.OpenAI.Interfaces;
using Betalgo.Ranul.OpenAI.Managers;
using Betalgo.Ranul.OpenAI.ObjectModels;
using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;
using Betalgo.Ranul.OpenAI.ObjectModels.ResponseModels;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Betalgo;

// case: the service created from options with an API key — the client creation
public static class ServiceFromOptions
{
    public static OpenAIService Create(string key) => new OpenAIService(new OpenAIOptions { ApiKey = key }); // expect: LG1001
}

// case: the service registered in DI — the registration
public static class Registration
{
    public static void Register(IServiceCollection services) => services.AddOpenAIService(); // expect: LG1001
}

// case: a chat completion with the SDK's model-name property — the call; the id behind the property is not visible
public static class ChatWithConstant
{
    public static Task<ChatCompletionCreateResponse> AskAsync(IOpenAIService service, IList<ChatMessage> messages) =>
        service.ChatCompletion.CreateCompletion(new ChatCompletionCreateRequest { Messages = messages, Model = Models.Gpt_4o }); // expect: LG1001 miss: LG1003 — Betalgo's model names are static properties (`Gpt_4o => "gpt-4o"`), whose values are IL, not metadata constants; reading IL in an analyzer is not worth it, and LG1001 reports the call
}

// case: a chat completion with a closed model id string — the call and the id
public static class ChatWithString
{
    public static Task<ChatCompletionCreateResponse> AskAsync(IOpenAIService service, IList<ChatMessage> messages) =>
        service.ChatCompletion.CreateCompletion(new ChatCompletionCreateRequest { Messages = messages, Model = "gpt-4-turbo" }); // expect: LG1001 LG1003
}

// case: embeddings through the embeddings sub-service with a model from configuration — the call
public static class Embeddings
{
    public static Task<EmbeddingCreateResponse> EmbedAsync(IOpenAIService service, string text, string model) =>
        service.Embeddings.CreateEmbedding(new EmbeddingCreateRequest { Input = text, Model = model }); // expect: LG1001
}

// case: building the message list with the SDK's factory methods — SDK objects created outside the call
public static class Messages
{
    public static List<ChatMessage> Build(string question) => new() { ChatMessage.FromSystem("Be brief."), ChatMessage.FromUser(question) }; // expect: LG1001
}

// case: checking the response's success flag and choices — reading a result is not a call
public static class ReadResponse
{
    public static string? FirstAnswer(ChatCompletionCreateResponse response) => response.Successful ? response.Choices[0].Message.Content : null;
}
