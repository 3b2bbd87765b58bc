using Anthropic;
using Microsoft.Extensions.AI;
using System.Text;

namespace ChatApp;

/// <summary>Streams without async, reads its key as configuration spells it in the environment, and hands a completion to code that takes anything.</summary>
public static class BlockingStream
{
    public static string Collect(string prompt)
    {
        IChatClient chat = new AnthropicClient { ApiKey = Environment.GetEnvironmentVariable("Anthropic__ApiKey") }.AsIChatClient("claude-haiku-4-5");
        var text = new StringBuilder();
        IEnumerable<ChatResponseUpdate> updates = chat.GetStreamingResponseAsync(prompt).ToBlockingEnumerable();
        foreach (ChatResponseUpdate update in updates)
            foreach (TextContent part in update.Contents.OfType<TextContent>().ToList()) text.Append(part.Text);
        return text.ToString();
    }

    public static void Show(IChatClient chat, string prompt)
    {
        ChatResponse completion = chat.GetResponseAsync(prompt).GetAwaiter().GetResult();
        Console.WriteLine(completion);
    }
}
