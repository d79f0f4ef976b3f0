// category: api
// The official Anthropic SDK (the package `Anthropic`), in the shapes of its README and samples: a client from the
// environment, Messages.Create with a parameters object, model constants and strings, and the M.E.AI adapter.
using System.Collections.Generic;
using System.Threading.Tasks;
using Anthropic;
using Anthropic.Models.Messages;
using Microsoft.Extensions.AI;

namespace Corpus.AnthropicSdk;

// case: client from the environment (ANTHROPIC_API_KEY) — the client creation is the finding
public static class FromEnvironment
{
    public static AnthropicClient Create() => new AnthropicClient(); // expect: LG1001
}

// case: Messages.Create with a closed model id string — the call and the model id
public static class CreateMessage
{
    public static Task<Message> AskAsync(AnthropicClient client, IReadOnlyList<MessageParam> messages) =>
        client.Messages.Create(new MessageCreateParams // expect: LG1001
        {
            Model = "claude-sonnet-4-5-20250929", // expect: LG1003
            MaxTokens = 1024,
            Messages = messages,
        });
}

// case: the messages service kept in a local and called later — two touch points
public static class MessagesService
{
    public static async Task<Message> AskAsync(AnthropicClient client, MessageCreateParams parameters)
    {
        var messages = client.Messages; // expect: LG1001
        return await messages.Create(parameters); // expect: LG1001
    }
}

// case: the Anthropic client adapted to IChatClient with a dated model id — one call finding and the model id
public static class AsChatClient
{
    public static IChatClient Create(AnthropicClient client) => client.AsIChatClient("claude-3-5-haiku-20241022"); // expect: LG1001 LG1003
}

// case: a model id in an alias spelling (`-latest`) — still Claude, still closed
public static class LatestAlias
{
    public const string Model = "claude-3-7-sonnet-latest"; // expect: LG1003
}

// case: an Anthropic client received through DI and never called here — a parameter is not a call
public class Injected
{
    private readonly AnthropicClient client;

    public Injected(AnthropicClient client) => this.client = client;

    public bool HasClient => client is not null;
}
