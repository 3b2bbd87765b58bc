using Common.Reviews;
using OpenAI.Chat;

namespace ChatApp.SettingsReferenced;

/// <summary>A client built from settings of a referenced project.</summary>
public sealed class Reviewer
{
    private readonly ChatClient _chat;

    public Reviewer()
    {
        var settings = ReviewSettings.FromEnvironment();
        _chat = new ChatClient(settings.Model, settings.ApiKey);
    }

    public async Task<string> ReviewAsync(string text)
    {
        var reply = await _chat.CompleteChatAsync(new UserChatMessage($"Review: {text}"));
        return reply.Value.Content[0].Text;
    }
}
