using System.Text;
using Anthropic;
using Anthropic.Models.Messages;

namespace ChatApp;

/// <summary>Streams a story from a conversation kept across calls; the client comes from DI.</summary>
public sealed class Narrator(AnthropicClient client)
{
    private readonly List<MessageParam> _history = [];

    public async Task<string> TellAsync(string topic)
    {
        _history.Add(new UserMessageParam { Content = $"Tell a story about {topic}." });
        var parameters = new MessageCreateParams
        {
            Model = "claude-sonnet-4-5",
            MaxTokens = 1024,
            System = new List<TextBlockParam> { new() { Text = "You tell short stories." } },
            Messages = _history,
        };
        var story = new StringBuilder();
        await foreach (var e in client.Messages.CreateStreaming(parameters))
        {
            if (e.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var text))
                story.Append(text.Text);
        }
        _history.Add(new AssistantMessageParam { Content = story.ToString() });
        return story.ToString();
    }

    public void Close() => client.Dispose();
}
