using Anthropic;
using Microsoft.Extensions.AI;

namespace SupportBot;

/// <summary>Drafts replies with Claude through Microsoft.Extensions.AI.</summary>
public static class ReplyDrafter
{
    private const string Model = "claude-3-5-sonnet-20241022";

    public static async Task<string> DraftAsync(string ticket)
    {
        IChatClient claude = new AnthropicClient().AsIChatClient(Model);
        ChatResponse response = await claude.GetResponseAsync($"Draft a short, friendly reply to this ticket: {ticket}");
        return response.Text;
    }
}
