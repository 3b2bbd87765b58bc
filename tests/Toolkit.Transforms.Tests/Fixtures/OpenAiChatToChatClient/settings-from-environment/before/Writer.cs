using OpenAI.Chat;

namespace ChatApp.SettingsFromEnvironment;

/// <summary>A client built from a settings object handed in: its key and model are written in WriterSettings.</summary>
public sealed class Writer(WriterSettings settings)
{
    private readonly ChatClient _chat = new(settings.ModelId, settings.Key);

    public async Task<string> DraftAsync(string topic)
    {
        var reply = await _chat.CompleteChatAsync(new UserChatMessage($"Draft a paragraph on {topic}."));
        return reply.Value.Content[0].Text;
    }
}
