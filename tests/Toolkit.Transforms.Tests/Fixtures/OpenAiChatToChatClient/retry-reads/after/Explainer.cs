using Anthropic;
using Microsoft.Extensions.AI;

namespace ChatApp;

// A client in a field, handed out by an accessor the app itself names GetChatClient, a retry loop that
// checks the content and prints the finish reason, and the text of every non-empty part joined.
public partial class Explainer
{
    private readonly IChatClient chatClient = new AnthropicClient { ApiKey = Environment.GetEnvironmentVariable("ANTHROPIC_API_KEY") }.AsIChatClient(Environment.GetEnvironmentVariable("EXPLAINER_MODEL"));

    internal IChatClient GetChatClient()
    {
        return chatClient;
    }

    public async Task<string> ExplainAsync(string verse)
    {
        List<ChatMessage> messages = [new ChatMessage(ChatRole.System, "Explain the verse."), new ChatMessage(ChatRole.User, verse)];
        for (var attempt = 1; ; attempt++)
        {
            ChatResponse response = await GetChatClient().GetResponseAsync(messages);
            var completion = response;
            if (completion.Messages.SelectMany(m => m.Contents).OfType<TextContent>().ToList() == null || completion.Messages.SelectMany(m => m.Contents).OfType<TextContent>().ToList().Count == 0)
            {
                if (attempt >= 3) throw new InvalidOperationException($"Finish reason: {completion.FinishReason}. Tried {attempt} times.");
                continue;
            }
            return string.Join("\n", completion.Messages.SelectMany(m => m.Contents).OfType<TextContent>().ToList().Where(c => !string.IsNullOrWhiteSpace(c.Text)).Select(c => (c as TextContent)?.Text));
        }
    }
}
