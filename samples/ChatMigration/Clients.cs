using Microsoft.Extensions.AI;
using OpenAI;

namespace ChatMigration;

public static class Clients
{
    public static IChatClient CreateChatClient() =>
        new OpenAIClient(Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "unset").GetChatClient("gpt-4o-mini").AsIChatClient();
}
