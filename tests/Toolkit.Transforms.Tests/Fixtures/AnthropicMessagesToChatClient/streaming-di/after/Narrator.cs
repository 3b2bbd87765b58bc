using System.Text;
using Microsoft.Extensions.AI;

namespace ChatApp;

/// <summary>Streams a story from a conversation kept across calls; the client comes from DI.</summary>
public sealed class Narrator(IChatClient client)
{
    private readonly List<ChatMessage> _history = [];

    public async Task<string> TellAsync(string topic)
    {
        _history.Add(new ChatMessage(ChatRole.User, $"Tell a story about {topic}."));
        var parameters = new ChatOptions { ModelId = "gpt-4o", MaxOutputTokens = 1024 };
        var story = new StringBuilder();
        await foreach (var e in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.System, "You tell short stories."), .. _history], parameters))
        {
            if (!string.IsNullOrEmpty(e.Text))
                story.Append(e.Text);
        }
        _history.Add(new ChatMessage(ChatRole.Assistant, story.ToString()));
        return story.ToString();
    }

    public void Close() => client.Dispose();
}
