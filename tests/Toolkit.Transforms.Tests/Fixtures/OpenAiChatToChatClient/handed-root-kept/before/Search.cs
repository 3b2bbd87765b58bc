using OpenAI;
using OpenAI.Chat;

namespace ChatApp.HandedRootKept;

public sealed class Search(OpenAIClient openAi)
{
    public async Task<string> SummarizeAsync(string query)
    {
        var vector = await openAi.GetEmbeddingClient("text-embedding-3-small").GenerateEmbeddingAsync(query);
        var result = await openAi.GetChatClient("gpt-4o-mini").CompleteChatAsync(new UserChatMessage($"{query} ({vector.Value.ToFloats().Length} dimensions)"));
        return result.Value.Content[0].Text;
    }
}
