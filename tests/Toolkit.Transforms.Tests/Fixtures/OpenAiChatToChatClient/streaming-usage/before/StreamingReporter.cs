using System.ClientModel;
using System.Text;
using OpenAI;
using OpenAI.Chat;

namespace ChatApp;

/// <summary>Streams a reply through a proxy, with client options in a local, and logs why it stopped and what it cost.</summary>
public sealed class StreamingReporter
{
    public async Task<string> ReportAsync(string model, string key, IEnumerable<ChatMessage> history)
    {
        var clientOptions = new OpenAIClientOptions { Endpoint = new Uri("https://proxy.example.com/v1") };
        var client = new ChatClient(model, new ApiKeyCredential(key), clientOptions);
        var options = new ChatCompletionOptions { MaxOutputTokenCount = 500 };
        var text = new StringBuilder();
        var reason = "none";
        await foreach (var update in client.CompleteChatStreamingAsync(history, options))
        {
            foreach (var part in update.ContentUpdate) text.Append(part.Text);
            if (update.FinishReason != null) reason = update.FinishReason.ToString();
            if (update.Usage is not null)
                Console.WriteLine($"in {update.Usage.InputTokenCount}, out {update.Usage.OutputTokenCount}");
        }
        return $"{text} ({reason})";
    }
}
