using Anthropic;
using Anthropic.Models.Messages;

namespace SaasApp.Services;

/// <summary>Summarizes tenant documents with a chat model.</summary>
public sealed class AssistantService
{
    private readonly AnthropicClient _chat;
    private readonly string _chatModel;

    public AssistantService(IConfiguration configuration)
    {
        // Model and key come from configuration so each environment can choose its own.
        _chatModel = configuration["Anthropic:Model"] ?? "claude-haiku-4-5";
        _chat = new AnthropicClient { ApiKey = configuration["Anthropic:ApiKey"] };
    }

    /// <summary>Returns a short summary of <paramref name="text"/>.</summary>
    public async Task<string> SummarizeAsync(string text, CancellationToken cancellationToken)
    {
        Message completion = await _chat.Messages.Create(new MessageCreateParams
        {
            Model = _chatModel,
            System = "You summarize documents for a SaaS help desk in three sentences.",
            Messages = [new MessageParam { Role = Role.User, Content = text }],
            MaxTokens = 512, // summaries stay short
        }, cancellationToken);
        return string.Concat(completion.Content.Select(contentBlock => contentBlock.TryPickText(out var textBlock) ? textBlock.Text : ""));
    }
}
