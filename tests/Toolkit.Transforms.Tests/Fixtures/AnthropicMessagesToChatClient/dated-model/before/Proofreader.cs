using Anthropic;
using Anthropic.Models.Messages;

namespace ChatApp.DatedModel;

/// <summary>Requests pinned to dated Claude snapshots: one whose family the map names, one it does not.</summary>
public sealed class Proofreader
{
    private readonly AnthropicClient _client = new() { ApiKey = Environment.GetEnvironmentVariable("ANTHROPIC_API_KEY") };

    public async Task<string> ProofreadAsync(string text)
    {
        var response = await _client.Messages.Create(new MessageCreateParams
        {
            Model = "claude-sonnet-4-5-20250929",
            MaxTokens = 500,
            Messages = [new UserMessageParam { Content = $"Fix the typos: {text}" }],
        });
        return string.Join("", response.Content.Select(b => b.Value).OfType<TextBlock>().Select(b => b.Text));
    }

    public async Task<string> TitleAsync(string text)
    {
        var response = await _client.Messages.Create(new MessageCreateParams
        {
            Model = "claude-3-opus-20240229",
            MaxTokens = 50,
            Messages = [new UserMessageParam { Content = $"Title this: {text}" }],
        });
        return string.Join("", response.Content.Select(b => b.Value).OfType<TextBlock>().Select(b => b.Text));
    }
}
