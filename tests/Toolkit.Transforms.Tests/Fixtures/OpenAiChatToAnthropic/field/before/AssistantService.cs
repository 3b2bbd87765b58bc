using OpenAI.Chat;

namespace SaasApp.Services;

/// <summary>Summarizes tenant documents with a chat model.</summary>
public sealed class AssistantService
{
    private readonly ChatClient _chat;

    public AssistantService(IConfiguration configuration)
    {
        // Model and key come from configuration so each environment can choose its own.
        _chat = new ChatClient(configuration["OpenAI:Model"] ?? "gpt-4o-mini", configuration["OpenAI:ApiKey"]);
    }

    /// <summary>Returns a short summary of <paramref name="text"/>.</summary>
    public async Task<string> SummarizeAsync(string text, CancellationToken cancellationToken)
    {
        List<ChatMessage> messages =
        [
            new SystemChatMessage("You summarize documents for a SaaS help desk in three sentences."),
            new UserChatMessage(text),
        ];
        var options = new ChatCompletionOptions
        {
            MaxOutputTokenCount = 512, // summaries stay short
            Temperature = 0.2f,
        };

        ChatCompletion completion = await _chat.CompleteChatAsync(messages, options, cancellationToken);
        return completion.Content[0].Text;
    }
}
