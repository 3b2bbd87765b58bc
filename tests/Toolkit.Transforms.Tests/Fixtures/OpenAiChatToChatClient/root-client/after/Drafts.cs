using Anthropic;
using Microsoft.Extensions.AI;

namespace ChatApp;

/// <summary>An OpenAIClient built with options, used only to make a chat client.</summary>
public static class Drafts
{
    public static async Task<string> DraftAsync(string apiKey, string topic)
    {
        var chat = new AnthropicClient { ApiKey = apiKey, Timeout = TimeSpan.FromSeconds(30) }.AsIChatClient("claude-haiku-4-5");
        var completion = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, $"Draft a note about {topic}.")]);
        return completion.Text;
    }
}
