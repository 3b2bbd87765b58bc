using Microsoft.Extensions.AI;
using OllamaSharp;

namespace ChatApp;

/// <summary>A local var client and a sync call, ported to a local Ollama server.</summary>
public static class LocalModel
{
    public static async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken)
    {
        var client = (IChatClient)new OllamaApiClient(new Uri(Environment.GetEnvironmentVariable("Ollama__Endpoint") ?? "http://localhost:11434"), "llama3.2");
        var options = new ChatOptions { MaxOutputTokens = 64 };
        var completion = await client.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], options, cancellationToken);
        return completion.Text;
    }
}
