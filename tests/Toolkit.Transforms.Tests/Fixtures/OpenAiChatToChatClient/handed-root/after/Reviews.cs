using Anthropic;
using Microsoft.Extensions.AI;

namespace ChatApp.HandedRoot;

/// <summary>A field set from a constructor parameter holds it.</summary>
public sealed class Reviews
{
    private readonly AnthropicClient _client;

    public Reviews(AnthropicClient client) => _client = client;

    public async Task<string> ReviewAsync(string code)
    {
        var result = await _client.AsIChatClient("claude-sonnet-4-5").GetResponseAsync([new ChatMessage(ChatRole.User, $"Review: {code}")]);
        return result.Text;
    }
}
