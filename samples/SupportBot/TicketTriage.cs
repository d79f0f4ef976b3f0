using OpenAI;
using OpenAI.Chat;

namespace SupportBot;

/// <summary>Classifies tickets with OpenAI's chat API.</summary>
public sealed class TicketTriage
{
    private readonly ChatClient chat;

    public TicketTriage(string apiKey)
    {
        chat = new OpenAIClient(apiKey).GetChatClient("gpt-4o-mini");
    }

    public async Task<string> ClassifyAsync(string ticket)
    {
        ChatCompletion completion = await chat.CompleteChatAsync(
            new SystemChatMessage("Classify the ticket as billing, bug or question. Answer with one word."),
            new UserChatMessage(ticket));
        return completion.Content[0].Text;
    }
}
