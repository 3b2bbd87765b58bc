using Anthropic;
using Microsoft.Extensions.AI;
using System.Text;

namespace ChatApp;

/// <summary>Streams a reply through a proxy, with client options in a local, and logs why it stopped and what it cost.</summary>
public sealed class StreamingReporter
{
    public async Task<string> ReportAsync(string model, string key, IEnumerable<ChatMessage> history)
    {
        var client = new AnthropicClient { ApiKey = key }.AsIChatClient(model);
        var options = new ChatOptions { MaxOutputTokens = 500 };
        var text = new StringBuilder();
        var reason = "none";
        await foreach (var update in client.GetStreamingResponseAsync(history, options))
        {
            foreach (var part in update.Contents.OfType<TextContent>().ToList()) text.Append(part.Text);
            if (update.FinishReason != null) reason = update.FinishReason.ToString();
            if (update.Contents.OfType<UsageContent>().FirstOrDefault() is not null)
                Console.WriteLine($"in {(int)(update.Contents.OfType<UsageContent>().FirstOrDefault()?.Details.InputTokenCount ?? 0)}, out {(int)(update.Contents.OfType<UsageContent>().FirstOrDefault()?.Details.OutputTokenCount ?? 0)}");
        }
        return $"{text} ({reason})";
    }
}
