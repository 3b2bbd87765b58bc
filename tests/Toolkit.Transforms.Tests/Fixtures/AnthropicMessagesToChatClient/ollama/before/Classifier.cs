using Anthropic;
using Anthropic.Models.Messages;

namespace ChatApp;

/// <summary>Classifies text; the key and model come from configuration.</summary>
public sealed class Classifier
{
    private readonly AnthropicClient _client;
    private readonly string _model;

    public Classifier(IConfiguration configuration)
    {
        _client = new AnthropicClient { ApiKey = configuration["Anthropic:ApiKey"] };
        _model = configuration["Anthropic:Model"] ?? "claude-haiku-4-5";
    }

    public async Task<string> ClassifyAsync(string text, CancellationToken ct)
    {
        var response = await _client.Messages.Create(new MessageCreateParams
        {
            Model = _model,
            MaxTokens = 16,
            System = "Answer positive, negative or neutral.",
            Messages = new List<MessageParam> { new UserMessageParam { Content = text } },
        }, ct);
        return string.Concat(response.Content.Select(b => b.Value).OfType<TextBlock>().Select(b => b.Text));
    }
}
