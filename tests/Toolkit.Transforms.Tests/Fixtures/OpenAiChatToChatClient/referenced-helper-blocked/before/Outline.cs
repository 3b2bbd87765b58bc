using Common.Replies;
using OpenAI.Chat;

namespace ChatApp.ReferencedHelperBlocked;

/// <summary>A referenced project's helper that does more than join the text: nothing is ported.</summary>
public sealed class Outline(string apiKey)
{
    private readonly ChatClient _chat = new("gpt-4o-mini", apiKey);

    public async Task<string> OutlineAsync(string topic)
    {
        var result = await _chat.CompleteChatAsync(new UserChatMessage($"Outline {topic}, one point per line."));
        return result.Value.Content.Lines();
    }
}
