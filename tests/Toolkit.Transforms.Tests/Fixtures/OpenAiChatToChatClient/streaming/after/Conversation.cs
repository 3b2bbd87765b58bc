using Anthropic;
using Microsoft.Extensions.AI;

namespace ChatApp;

/// <summary>A running conversation: history, streaming and a blocking call.</summary>
public sealed class Conversation
{
    private readonly IChatClient _client = new AnthropicClient { ApiKey = Environment.GetEnvironmentVariable("ANTHROPIC_API_KEY") }.AsIChatClient("claude-haiku-4-5");
    private readonly List<ChatMessage> _history = [new ChatMessage(ChatRole.System, "You are terse.")];

    public async Task StreamAsync(string prompt, TextWriter output)
    {
        _history.Add(new ChatMessage(ChatRole.User, prompt));
        var reply = new System.Text.StringBuilder();
        await foreach (ChatResponseUpdate update in _client.GetStreamingResponseAsync(_history))
        {
            foreach (TextContent part in update.Contents.OfType<TextContent>().ToList())
            {
                output.Write(part.Text);
                reply.Append(part.Text);
            }
        }
        _history.Add(new ChatMessage(ChatRole.Assistant, reply.ToString()));
    }

    public string Ask(IEnumerable<(string Role, string Text)> turns)
    {
        var messages = new List<ChatMessage>();
        foreach (var (role, text) in turns)
        {
            if (role == "user") messages.Add(new ChatMessage(ChatRole.User, text));
            else messages.Add(new ChatMessage(ChatRole.Assistant, text));
        }
        ChatResponse completion = _client.GetResponseAsync(messages).GetAwaiter().GetResult();
        return completion.Text;
    }
}
