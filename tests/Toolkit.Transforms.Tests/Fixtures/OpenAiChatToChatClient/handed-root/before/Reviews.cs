using OpenAI;
using OpenAI.Chat;

namespace ChatApp.HandedRoot;

/// <summary>A field set from a constructor parameter holds it.</summary>
public sealed class Reviews
{
    private readonly OpenAIClient _client;

    public Reviews(OpenAIClient client) => _client = client;

    public async Task<string> ReviewAsync(string code)
    {
        var result = await _client.GetChatClient("gpt-4o").CompleteChatAsync(new UserChatMessage($"Review: {code}"));
        return result.Value.Content[0].Text;
    }
}
