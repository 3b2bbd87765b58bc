using Common.Replies;
using Anthropic;
using Microsoft.Extensions.AI;

namespace ChatApp.ReferencedHelper;

/// <summary>Chat code calling a referenced project's helpers on OpenAI replies, its key from the app's settings type.</summary>
public sealed class Summaries
{
    private readonly IChatClient _chat;

    public Summaries(IConfiguration configuration)
    {
        var settings = new AssistantSettings();
        configuration.GetSection(nameof(AssistantSettings)).Bind(settings);
        _chat = new AnthropicClient { ApiKey = settings.Key }.AsIChatClient("claude-haiku-4-5");
    }

    public async Task<string> SummarizeAsync(string text)
    {
        var result = await _chat.GetResponseAsync([new ChatMessage(ChatRole.User, $"Summarize: {text}")]);
        return result.Text;
    }

    public async Task<string> TitleAsync(string text)
    {
        ChatResponse completion = await _chat.GetResponseAsync([new ChatMessage(ChatRole.User, $"A title for: {text}")]);
        return completion.Text;
    }
}
