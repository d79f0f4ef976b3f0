// category: api
// The user's own code that looks like an SDK: sample repositories whose namespace starts with the vendor's
// (`namespace OpenAI.Samples`, `Anthropic.Examples`), wrappers named like SDK clients, helpers called Output or Prompt. Only
// symbols from the SDK's assemblies, and the user's types that derive from an SDK type, are findings.
using System;
using System.ClientModel;
using System.Threading.Tasks;
using OpenAI.Chat;

namespace OpenAI.Samples
{
    // case: a console helper in the vendor's namespace — the user's own type, never a finding
    public static class Output
    {
        public static void Print(string text) => Console.WriteLine(text);
    }

    // case: calling the user's helper from the vendor-named namespace — the user's own method
    public static class UsesOutput
    {
        public static void Run() => Output.Print("hello");
    }

    // case: a user class named like a sample chapter — creating it is not a call to the service
    public sealed class PromptEngineering
    {
        public string Template { get; set; } = "You are a helpful assistant.";

        public static PromptEngineering Create() => new PromptEngineering();
    }

    // case: the user's record in the vendor's namespace, read through a property — own data, no finding
    public sealed record ChatTurn(string Role, string Text)
    {
        public static string Describe(ChatTurn turn) => turn.Role + ": " + turn.Text;
    }

    // case: a real SDK call inside the vendor-named sample namespace — the SDK member is still a finding
    public static class RealCall
    {
        public static Task<ClientResult<ChatCompletion>> AskAsync(ChatClient client, string q) => client.CompleteChatAsync(q); // expect: LG1001
    }
}

namespace Anthropic.Examples
{
    // case: a user type named AnthropicClient in the vendor's namespace — the user's class, not the SDK's
    public sealed class AnthropicClient
    {
        public string Send(string prompt) => prompt.ToUpperInvariant();
    }

    // case: creating and calling the look-alike AnthropicClient — still the user's own class
    public static class UsesLookAlike
    {
        public static string Run() => new AnthropicClient().Send("hi");
    }
}

namespace Corpus.Wrappers
{
    // case: the user's wrapper named OpenAIService with its own methods — a name is not a dependency
    public sealed class OpenAIService
    {
        public Task<string> CompleteAsync(string prompt) => Task.FromResult(prompt);
    }

    // case: calling the user's OpenAIService wrapper — the wrapper's own code is not an SDK call
    public static class UsesWrapper
    {
        public static Task<string> Run(OpenAIService service) => service.CompleteAsync("hi");
    }

    // case: a user interface IChatCompletionService of its own — an own interface with an SDK-like name
    public interface IChatCompletionService
    {
        Task<string> GetAsync(string prompt);
    }

    // case: an enum of providers naming vendors — enum members are the user's own
    public enum Provider { OpenAI, AzureOpenAI, Anthropic, Ollama }

    // case: the user's subclass of an SDK client, created — deriving from the SDK type brings the service in; its constructor calls the SDK's
    public sealed class TracingChatClient : ChatClient
    {
        public TracingChatClient(string model, string key) : base(model, new ApiKeyCredential(key)) { } // expect: LG1001

        public static TracingChatClient Create(string key) => new TracingChatClient("gpt-4.1", key); // expect: LG1001 LG1003
    }

    // case: the user's own method on that subclass, called — the subclass is an SDK client, so calling it reaches the service
    public static class UsesSubclass
    {
        public static Task<ClientResult<ChatCompletion>> Run(TracingChatClient client) => client.CompleteChatAsync("hi"); // expect: LG1001
    }
}
