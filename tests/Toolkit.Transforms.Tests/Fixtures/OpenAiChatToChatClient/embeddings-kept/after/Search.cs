using OpenAI;
using Anthropic;
using Microsoft.Extensions.AI;
using OpenAI.Embeddings;

namespace ChatApp;

/// <summary>Embeds documents and answers with chat: the embeddings stay on OpenAI.</summary>
public sealed class Search
{
    private readonly OpenAIClient _openAi = new(Environment.GetEnvironmentVariable("OPENAI_API_KEY")!);
    private readonly EmbeddingClient _embeddings;
    private readonly IChatClient _chat;

    public Search()
    {
        _embeddings = _openAi.GetEmbeddingClient("text-embedding-3-small");
        _chat = new AnthropicClient { ApiKey = Environment.GetEnvironmentVariable("ANTHROPIC_API_KEY")! }.AsIChatClient("claude-haiku-4-5");
    }

    public async Task<float[]> EmbedAsync(string text)
    {
        OpenAIEmbedding embedding = await _embeddings.GenerateEmbeddingAsync(text);
        return embedding.ToFloats().ToArray();
    }

    public async Task<string> AnswerAsync(string question) =>
        (await _chat.GetResponseAsync([new ChatMessage(ChatRole.User, question)])).Text;
}
