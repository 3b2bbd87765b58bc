using Anthropic;
using Microsoft.Extensions.AI;

namespace SaasApp.Services;

/// <summary>Summarizes tenant documents with a chat model.</summary>
public sealed class AssistantService
{
    private readonly IChatClient _chat;

    public AssistantService(IConfiguration configuration)
    {
        // Model and key come from configuration so each environment can choose its own.
        _chat = new AnthropicClient { ApiKey = configuration["Anthropic:ApiKey"] }.AsIChatClient(configuration["Anthropic:Model"] ?? "claude-haiku-4-5");
    }

    /// <summary>Returns a short summary of <paramref name="text"/>.</summary>
    public async Task<string> SummarizeAsync(string text, CancellationToken cancellationToken)
    {
        List<ChatMessage> messages =
        [
            new ChatMessage(ChatRole.System, "You summarize documents for a SaaS help desk in three sentences."),
            new ChatMessage(ChatRole.User, text),
        ];
        var options = new ChatOptions
        {
            MaxOutputTokens = 512, // summaries stay short
            Temperature = 0.2f,
        };

        ChatResponse completion = await _chat.GetResponseAsync(messages, options, cancellationToken);
        return completion.Text;
    }
}
