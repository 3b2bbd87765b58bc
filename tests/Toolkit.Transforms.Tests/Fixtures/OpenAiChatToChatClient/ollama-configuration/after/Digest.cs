using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.AI;
using OllamaSharp;

namespace ChatApp;

/// <summary>A ChatClient built where an IConfiguration is in scope: the Ollama endpoint is read from it.</summary>
public sealed class Digest(IConfiguration configuration)
{
    private readonly IChatClient _chat = new OllamaApiClient(new Uri(configuration["Ollama:Endpoint"] ?? "http://localhost:11434"), "llama3.2");

    public async Task<string> ShortenAsync(string text)
    {
        ChatResponse completion = await _chat.GetResponseAsync([new ChatMessage(ChatRole.User, $"Shorten: {text}")]);
        return completion.Text;
    }
}
