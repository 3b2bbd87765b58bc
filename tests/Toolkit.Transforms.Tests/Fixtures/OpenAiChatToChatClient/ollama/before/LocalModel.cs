using OpenAI.Chat;

namespace ChatApp;

/// <summary>A local var client and a sync call, ported to a local Ollama server.</summary>
public static class LocalModel
{
    public static async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken)
    {
        var client = new ChatClient(model: "gpt-4o-mini", apiKey: "unused");
        var options = new ChatCompletionOptions { MaxOutputTokenCount = 64 };
        var completion = await client.CompleteChatAsync([new UserChatMessage(prompt)], options, cancellationToken);
        return completion.Value.Content[0].Text;
    }
}
