// category: api
// Held-out look-alikes: the user's own code in namespaces named after vendors (OpenAI.Tools, Anthropic.Demo.Console,
// Azure.AI.OpenAI.Helpers), own types named like SDK clients, aliases, static usings, nested and partial types, records and
// extension methods, set against real SDK calls reached through aliases, target-typed new, named arguments, LINQ lambdas,
// local functions, constrained generics and implicit-this calls on a nested SDK subclass. Open model ids never raise LG1003.
using System;
using System.ClientModel;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using SdkChat = OpenAI.Chat.ChatClient;
using Llm = OpenAI.Tools.ChatClient;
using static OpenAI.Tools.Embeddings;

namespace OpenAI.Tools
{
    // case: the user's own ChatClient in a vendor-named namespace, created and called — own class, open model id
    public sealed class ChatClient
    {
        private readonly string _model;
        public ChatClient(string model) => _model = model;
        public string CompleteChat(string text) => _model + ": " + text;
        public static string Demo() => new ChatClient("qwen2.5").CompleteChat("hello");
    }

    // case: the user's static class named Embeddings with a GenerateEmbedding method, called bare — own code
    public static class Embeddings
    {
        public static float[] GenerateEmbedding(string text) => text.Select(c => (float)c).ToArray();
        public static float[] Twice(string text) => GenerateEmbedding(text + text);
    }

    // case: the user's own IChatClient look-alike implemented and called from a local function — no SDK involved
    public interface IChatClient { string GetResponse(string prompt); }
    public sealed class EchoChat : IChatClient
    {
        public string GetResponse(string prompt) => prompt;
        public static string Run(IChatClient chat) { return Ask("ping"); string Ask(string p) => chat.GetResponse(p); }
    }

    // case: an SDK ChatClient called inside a LINQ Select lambda in the vendor-named namespace — a real SDK call
    public static class BatchAsk
    {
        public static List<string> All(global::OpenAI.Chat.ChatClient client, IEnumerable<string> prompts) =>
            prompts.Select(p => client.CompleteChat(p).Value.Content[0].Text) // expect: LG1001
                   .ToList();
    }

    // case: a constrained generic helper whose TClient is the SDK ChatClient — the call binds to the SDK member
    public static class Fanout
    {
        public static string First<TClient>(TClient client, string q) where TClient : global::OpenAI.Chat.ChatClient
            => client.CompleteChat(q).Value.Content[0].Text; // expect: LG1001
    }
}

namespace Corp.Aliases
{
    // case: an alias and a static using that both point at the user's own look-alikes — the user's types and methods, not the SDK's
    public static class UsesOwnAliases
    {
        public static string Run() => new Llm("llama3.1").CompleteChat("hi");
        public static int Dim(string text) => GenerateEmbedding(text).Length;
    }

    // case: an alias to the SDK ChatClient created with a closed model id — alias hides the name, not the SDK
    public static class UsesSdkAlias
    {
        public static SdkChat Make(string key) => new SdkChat("gpt-4o-mini", key); // expect: LG1001 LG1003
    }

    // case: reading properties of an SDK result object passed in — property reads are not calls
    public static class Report
    {
        public static string Line(OpenAI.Chat.ChatCompletion completion) => completion.Model + " used " + completion.Usage.OutputTokenCount;
    }

    // case: a local function that creates an SDK EmbeddingClient and calls it — the local function is still SDK code
    public static class LocalEmbed
    {
        public static float[] Embed(string model, string key, string text)
        {
            return Vector(text).ToArray();
            ReadOnlyMemory<float> Vector(string t) => new OpenAI.Embeddings.EmbeddingClient(model, key).GenerateEmbedding(t).Value.ToFloats(); // expect: LG1001
        }
    }

    // case: named arguments in swapped order with a closed reasoning model, adapted to IChatClient — SDK creation plus closed id
    public static class Adapted
    {
        public static Microsoft.Extensions.AI.IChatClient Make(string key) =>
            new OpenAI.Chat.ChatClient(apiKey: key, model: "o3-mini").AsIChatClient(); // expect: LG1001 LG1003
    }
}

namespace Anthropic.Demo.Console
{
    // case: a user class nested in Program and named AnthropicClient, created and called — the user's nested type
    public static class Program
    {
        public sealed class AnthropicClient { public string Messages(string q) => "[" + q + "]"; }
        public static string Main() => new AnthropicClient().Messages("hello");
    }

    // case: the real SDK client created by target-typed new in a field initializer — SDK creation without the type name
    public sealed class Bot
    {
        private readonly global::Anthropic.AnthropicClient _client = new(); // expect: LG1001
        public global::Anthropic.AnthropicClient Client => _client;
    }

    // case: Messages.Create on the SDK client with a dated closed Claude id in the params object — call and closed id
    public static class Ask
    {
        public static Task<global::Anthropic.Models.Messages.Message> Run(global::Anthropic.AnthropicClient client) =>
            client.Messages.Create(new() { Model = "claude-3-5-sonnet-20241022", MaxTokens = 256, Messages = [] }); // expect: LG1001 LG1003
    }

    // case: OllamaSharp, an open local runtime, with an open model — never a finding
    public static class Local
    {
        public static OllamaSharp.OllamaApiClient Make() => new OllamaSharp.OllamaApiClient(new Uri("http://localhost:11434"), "llama3.1");
    }
}

namespace Azure.AI.OpenAI.Helpers
{
    // case: the user's partial class named OpenAIClient split across two parts, then called — own partial type
    public partial class OpenAIClient { public string Endpoint { get; init; } = "http://localhost"; }
    public partial class OpenAIClient { public string Describe() => "endpoint=" + Endpoint; }
    public static class UsesPartial { public static string Run() => new OpenAIClient().Describe(); }

    // case: the user's record named EmbeddingClient copied with `with` and its own GenerateEmbedding called — own record
    public sealed record EmbeddingClient(string Model)
    {
        public int GenerateEmbedding(string text) => text.Length;
        public static int Run() => (new EmbeddingClient("nomic-embed-text") with { Model = "all-minilm" }).GenerateEmbedding("x");
    }

    // case: the SDK AzureOpenAIClient resolved by the enclosing vendor namespace, asked for a closed deployment — SDK call and closed id
    public static class AzureFactory
    {
        public static global::OpenAI.Chat.ChatClient Chat(Uri endpoint, string key) =>
            new AzureOpenAIClient(endpoint, new ApiKeyCredential(key)).GetChatClient("gpt-4.1-mini"); // expect: LG1001 LG1003
    }

    // case: an extension method on the user's own options type named CompleteChat, used in LINQ — own extension, own type
    public sealed class PromptBox { public string Prefix { get; init; } = "> "; }
    public static class PromptBoxExtensions
    {
        public static string CompleteChat(this PromptBox box, string text) => box.Prefix + text;
        public static string[] All(PromptBox box, string[] items) => items.Select(box.CompleteChat).ToArray();
    }
}

namespace Corp.Embeddings
{
    // case: a nested private subclass of the SDK EmbeddingClient inside a partial class — base constructor and implicit-this call reach the SDK
    public partial class Indexer
    {
        private sealed class Embedder : global::OpenAI.Embeddings.EmbeddingClient
        {
            public Embedder(string model, string key) : base(model, key) { } // expect: LG1001
            public float[] Vec(string t) => GenerateEmbedding(t).Value.ToFloats().ToArray(); // expect: LG1001
        }
    }

    // case: an extension on the user's settings that talks to a local server through the OpenAI SDK — SDK call, open model id is no LG1003
    public sealed record LocalSettings(string Key, Uri Endpoint);
    public static class LocalSettingsExtensions
    {
        public static global::OpenAI.Chat.ChatClient Open(this LocalSettings s) =>
            new global::OpenAI.OpenAIClient(new ApiKeyCredential(s.Key), new global::OpenAI.OpenAIClientOptions { Endpoint = s.Endpoint }).GetChatClient("llama3.1"); // expect: LG1001
    }
}
