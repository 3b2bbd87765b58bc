using OpenAI.Embeddings;

namespace App;

/// <summary>Embeddings: no counterpart, stays on OpenAI and keeps reading the OpenAI section.</summary>
public sealed class Embedder(IConfiguration configuration)
{
    private readonly EmbeddingClient _client = new(configuration["OpenAI:EmbeddingModel"]!, configuration["OpenAI:ApiKey"]);

    public async Task<ReadOnlyMemory<float>> EmbedAsync(string text) => (await _client.GenerateEmbeddingAsync(text)).Value.ToFloats();
}
