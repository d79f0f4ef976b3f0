using OpenAI.Embeddings;

namespace SupportBot;

/// <summary>Finds earlier tickets like a new one, with OpenAI's embeddings API.</summary>
public sealed class SimilarTickets(string apiKey)
{
    private readonly EmbeddingClient embeddings = new("text-embedding-3-small", apiKey);

    public async Task<OpenAIEmbedding> EmbedAsync(string ticket) => await embeddings.GenerateEmbeddingAsync(ticket);
}
