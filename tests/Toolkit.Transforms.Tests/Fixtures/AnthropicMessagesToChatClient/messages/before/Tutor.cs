using Anthropic;
using Anthropic.Models.Messages;

namespace ChatApp;

/// <summary>Answers a question with one request: system prompt, max tokens, text, usage and stop reason.</summary>
public sealed class Tutor
{
    private readonly AnthropicClient _client = new() { ApiKey = Environment.GetEnvironmentVariable("ANTHROPIC_API_KEY") };

    public async Task<string> AskAsync(string question, CancellationToken ct)
    {
        var response = await _client.Messages.Create(new MessageCreateParams
        {
            Model = Model.ClaudeHaiku4_5,
            MaxTokens = 300,
            System = "You are a terse tutor.",
            StopSequences = ["END"],
            Messages = [new UserMessageParam { Content = question }],
        }, ct);

        var text = string.Join("", response.Content
            .Select(b => b.Value)
            .OfType<TextBlock>()
            .Select(b => b.Text));
        var ending = response.StopReason == StopReason.MaxTokens ? " (cut short)" : "";
        var input = response.Usage?.InputTokens ?? 0;
        return $"{text}{ending} [{input} in, {response.Usage.OutputTokens} out, {response.ID}]";
    }
}
