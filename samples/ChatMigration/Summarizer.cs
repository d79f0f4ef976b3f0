using Microsoft.Extensions.AI;

namespace ChatMigration;

/// <summary>Depends only on IChatClient, so the provider behind it can change without touching this class.</summary>
public sealed class Summarizer(IChatClient chat)
{
    public async Task<string> SummarizeAsync(string text)
    {
        var response = await chat.GetResponseAsync($"Summarise in one sentence: {text}");
        return response.Text;
    }
}
