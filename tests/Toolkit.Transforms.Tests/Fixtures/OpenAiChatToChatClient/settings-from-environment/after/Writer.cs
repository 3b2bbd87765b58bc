using Anthropic;
using Microsoft.Extensions.AI;

namespace ChatApp.SettingsFromEnvironment;

/// <summary>A client built from a settings object handed in: its key and model are written in WriterSettings.</summary>
public sealed class Writer(WriterSettings settings)
{
    private readonly IChatClient _chat = new AnthropicClient { ApiKey = settings.Key }.AsIChatClient(settings.ModelId);

    public async Task<string> DraftAsync(string topic)
    {
        var reply = await _chat.GetResponseAsync([new ChatMessage(ChatRole.User, $"Draft a paragraph on {topic}.")]);
        return reply.Text;
    }
}
