using Anthropic;
using Anthropic.Models.Messages;

namespace AnthropicBehaviourApp;

/// <summary>Answers questions with the Anthropic messages API: a system prompt, max tokens, usage, stop reason and streaming.</summary>
public sealed class Assistant
{
    // The endpoint is configurable so a proxy (or a test stand-in) can serve the API.
    private readonly AnthropicClient _client = new()
    {
        ApiKey = Environment.GetEnvironmentVariable("ANTHROPIC_API_KEY"),
        BaseUrl = Environment.GetEnvironmentVariable("ANTHROPIC_BASE_URL") ?? "https://api.anthropic.com",
    };

    public async Task<string> AnswerAsync(string question)
    {
        var response = await _client.Messages.Create(new MessageCreateParams
        {
            Model = Model.ClaudeHaiku4_5,
            MaxTokens = 200,
            System = "You are a terse geography tutor.",
            Messages = [new UserMessageParam { Content = question }],
        });
        var text = string.Join("", response.Content.Select(b => b.Value).OfType<TextBlock>().Select(b => b.Text));
        var ending = response.StopReason == StopReason.MaxTokens ? " (cut short)" : "";
        return $"{text}{ending} [{response.Usage.InputTokens} in, {response.Usage.OutputTokens} out]";
    }

    public async Task StreamAsync(string question, TextWriter output)
    {
        List<MessageParam> messages = [new UserMessageParam { Content = question }];
        var parameters = new MessageCreateParams
        {
            Model = Model.ClaudeHaiku4_5,
            MaxTokens = 100,
            System = "You are a terse geography tutor.",
            Messages = messages,
        };
        await foreach (var e in _client.Messages.CreateStreaming(parameters))
        {
            if (e.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var text))
                output.Write(text.Text);
        }
    }
}
