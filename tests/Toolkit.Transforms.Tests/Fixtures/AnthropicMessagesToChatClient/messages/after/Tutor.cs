using Microsoft.Extensions.AI;
using OpenAI;

namespace ChatApp;

/// <summary>Answers a question with one request: system prompt, max tokens, text, usage and stop reason.</summary>
public sealed class Tutor
{
    private readonly IChatClient _client = new OpenAI.Chat.ChatClient("gpt-4o-mini", Environment.GetEnvironmentVariable("OPENAI_API_KEY")!).AsIChatClient();

    public async Task<string> AskAsync(string question, CancellationToken ct)
    {
        var response = await _client.GetResponseAsync([new ChatMessage(ChatRole.System, "You are a terse tutor."), new ChatMessage(ChatRole.User, question)], new ChatOptions { ModelId = "gpt-4o-mini", MaxOutputTokens = 300, StopSequences = ["END"] }, ct);

        var text = response.Text;
        var ending = response.FinishReason == ChatFinishReason.Length ? " (cut short)" : "";
        var input = response.Usage?.InputTokenCount ?? 0;
        return $"{text}{ending} [{input} in, {(response.Usage?.OutputTokenCount ?? 0)} out, {response.ResponseId}]";
    }
}
