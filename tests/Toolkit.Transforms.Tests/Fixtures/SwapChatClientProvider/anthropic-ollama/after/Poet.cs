using OllamaSharp;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace ChatApp;

/// <summary>IChatClients made from AnthropicClients: one where an IConfiguration is in scope, one in a var.</summary>
public sealed class Poet(IConfiguration configuration)
{
    private readonly IChatClient _chat = new OllamaApiClient(new Uri(configuration["Ollama:Endpoint"] ?? "http://localhost:11434"), "llama3.2");

    public static async Task<string> HaikuAsync(string topic)
    {
        var chat = (IChatClient)new OllamaApiClient(new Uri(Environment.GetEnvironmentVariable("Ollama__Endpoint") ?? "http://localhost:11434"), "llama3.3");
        var updates = new System.Text.StringBuilder();
        await foreach (var update in chat.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, $"A haiku about {topic}")])) updates.Append(update.Text);
        return updates.ToString();
    }

    public async Task<string> LimerickAsync(string topic) => (await _chat.GetResponseAsync($"A limerick about {topic}")).Text;
}
