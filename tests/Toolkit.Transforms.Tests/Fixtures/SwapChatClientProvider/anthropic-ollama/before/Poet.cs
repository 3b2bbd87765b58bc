using Anthropic;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace ChatApp;

/// <summary>IChatClients made from AnthropicClients: one where an IConfiguration is in scope, one in a var.</summary>
public sealed class Poet(IConfiguration configuration)
{
    private readonly IChatClient _chat = new AnthropicClient { ApiKey = configuration["Anthropic:ApiKey"] }.AsIChatClient("claude-haiku-4-5");

    public static async Task<string> HaikuAsync(string topic)
    {
        var chat = new AnthropicClient().AsIChatClient("claude-sonnet-4-5");
        var updates = new System.Text.StringBuilder();
        await foreach (var update in chat.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, $"A haiku about {topic}")])) updates.Append(update.Text);
        return updates.ToString();
    }

    public async Task<string> LimerickAsync(string topic) => (await _chat.GetResponseAsync($"A limerick about {topic}")).Text;
}
