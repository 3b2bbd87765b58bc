using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;

namespace ChatApp;

/// <summary>Embeds documents and answers with chat: the embeddings stay on OpenAI.</summary>
public sealed class Search
{
    private readonly OpenAIClient _openAi = new(Environment.GetEnvironmentVariable("OPENAI_API_KEY")!);
    private readonly EmbeddingClient _embeddings;
    private readonly ChatClient _chat;

    public Search()
    {
        _embeddings = _openAi.GetEmbeddingClient("text-embedding-3-small");
        _chat = _openAi.GetChatClient("gpt-4o-mini");
    }

    public async Task<float[]> EmbedAsync(string text)
    {
        OpenAIEmbedding embedding = await _embeddings.GenerateEmbeddingAsync(text);
        return embedding.ToFloats().ToArray();
    }

    public async Task<string> AnswerAsync(string question) =>
        (await _chat.CompleteChatAsync([new UserChatMessage(question)])).Value.Content[0].Text;
}
