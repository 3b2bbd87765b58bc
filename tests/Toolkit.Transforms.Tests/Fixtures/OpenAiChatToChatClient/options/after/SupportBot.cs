using Microsoft.Extensions.Configuration;
using Anthropic;
using Microsoft.Extensions.AI;

namespace ChatApp;

/// <summary>Answers support questions; model and key come from configuration.</summary>
public sealed class SupportBot
{
    private readonly IChatClient _chat;

    public SupportBot(IConfiguration configuration)
    {
        _chat = new AnthropicClient { ApiKey = configuration["OpenAI:ApiKey"] }.AsIChatClient(configuration["OpenAI:Model"] ?? "claude-haiku-4-5");
    }

    public async Task<string> AnswerAsync(string question, CancellationToken cancellationToken)
    {
        var options = new ChatOptions
        {
            MaxOutputTokens = 400, // answers stay short
            Temperature = 0.3f,
            TopP = 0.9f,
            FrequencyPenalty = 0.2f,
            PresencePenalty = 0.1f,
            StopSequences = ["END"],
            ResponseFormat = ChatResponseFormat.Json,
        };
        (options.StopSequences ??= []).Add("STOP");

        ChatResponse completion = await _chat.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "Answer as JSON."), new ChatMessage(ChatRole.User, question)], options, cancellationToken);
        if (completion.FinishReason == ChatFinishReason.Length)
            return "(cut short)";
        Console.WriteLine($"tokens: {(int)(completion.Usage?.InputTokenCount ?? 0)} in, {(int)(completion.Usage?.OutputTokenCount ?? 0)} out, model {completion.ModelId}");
        return completion.Text;
    }
}
