using Anthropic;
using Anthropic.Models.Messages;

namespace ChatApp;

/// <summary>Portable on its own, kept because Agent.cs cannot be ported.</summary>
public sealed class Summaries(AnthropicClient client)
{
    public async Task<long> CountAsync(string text)
    {
        var response = await client.Messages.Create(new MessageCreateParams
        {
            Model = "claude-haiku-4-5",
            MaxTokens = 100,
            Messages = [new UserMessageParam { Content = text }],
        });
        return response.Usage.OutputTokens;
    }
}
