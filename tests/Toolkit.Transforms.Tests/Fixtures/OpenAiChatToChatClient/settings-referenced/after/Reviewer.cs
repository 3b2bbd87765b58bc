using Common.Reviews;
using Anthropic;
using Microsoft.Extensions.AI;

namespace ChatApp.SettingsReferenced;

/// <summary>A client built from settings of a referenced project.</summary>
public sealed class Reviewer
{
    private readonly IChatClient _chat;

    public Reviewer()
    {
        var settings = ReviewSettings.FromEnvironment();
        _chat = new AnthropicClient { ApiKey = settings.ApiKey }.AsIChatClient(settings.Model);
    }

    public async Task<string> ReviewAsync(string text)
    {
        var reply = await _chat.GetResponseAsync([new ChatMessage(ChatRole.User, $"Review: {text}")]);
        return reply.Text;
    }
}
