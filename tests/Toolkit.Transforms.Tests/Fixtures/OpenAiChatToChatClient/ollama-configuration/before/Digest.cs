using Microsoft.Extensions.Configuration;
using OpenAI.Chat;

namespace ChatApp;

/// <summary>A ChatClient built where an IConfiguration is in scope: the Ollama endpoint is read from it.</summary>
public sealed class Digest(IConfiguration configuration)
{
    private readonly ChatClient _chat = new("gpt-4o-mini", configuration["OpenAI:ApiKey"]!);

    public async Task<string> ShortenAsync(string text)
    {
        ChatCompletion completion = await _chat.CompleteChatAsync([new UserChatMessage($"Shorten: {text}")]);
        return completion.Content[0].Text;
    }
}
