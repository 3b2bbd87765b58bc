using Common.Replies;
using OpenAI;
using OpenAI.Chat;

namespace ChatApp.ReferencedHelper;

/// <summary>Chat code calling a referenced project's helpers on OpenAI replies, its key from the app's settings type.</summary>
public sealed class Summaries
{
    private readonly ChatClient _chat;

    public Summaries(IConfiguration configuration)
    {
        var settings = new AssistantSettings();
        configuration.GetSection(nameof(AssistantSettings)).Bind(settings);
        _chat = new OpenAIClient(settings.Key).GetChatClient("gpt-4o-mini");
    }

    public async Task<string> SummarizeAsync(string text)
    {
        var result = await _chat.CompleteChatAsync(new UserChatMessage($"Summarize: {text}"));
        return result.Value.Content.AllText();
    }

    public async Task<string> TitleAsync(string text)
    {
        ChatCompletion completion = await _chat.CompleteChatAsync(new UserChatMessage($"A title for: {text}"));
        return completion.Content.Joined();
    }
}
