using Microsoft.Extensions.Configuration;
using OpenAI.Chat;

namespace ChatApp;

/// <summary>Answers support questions; model and key come from configuration.</summary>
public sealed class SupportBot
{
    private readonly ChatClient _chat;

    public SupportBot(IConfiguration configuration)
    {
        _chat = new ChatClient(configuration["OpenAI:Model"] ?? "gpt-4o-mini", configuration["OpenAI:ApiKey"]);
    }

    public async Task<string> AnswerAsync(string question, CancellationToken cancellationToken)
    {
        var options = new ChatCompletionOptions
        {
            MaxOutputTokenCount = 400, // answers stay short
            Temperature = 0.3f,
            TopP = 0.9f,
            FrequencyPenalty = 0.2f,
            PresencePenalty = 0.1f,
            StopSequences = { "END" },
            ResponseFormat = ChatResponseFormat.CreateJsonObjectFormat(),
        };
        options.StopSequences.Add("STOP");

        ChatCompletion completion = await _chat.CompleteChatAsync(
            [new SystemChatMessage("Answer as JSON."), new UserChatMessage(question)], options, cancellationToken);
        if (completion.FinishReason == ChatFinishReason.Length)
            return "(cut short)";
        Console.WriteLine($"tokens: {completion.Usage.InputTokenCount} in, {completion.Usage.OutputTokenCount} out, model {completion.Model}");
        return completion.Content[0].Text;
    }
}
