using Microsoft.Extensions.AI;
using OllamaSharp;

namespace ChatApp;

/// <summary>An IChatClient field built from an OllamaApiClient, a call on it, and a handler for HTTP failures.</summary>
public sealed class Translator
{
    private readonly IChatClient _chat = new OllamaApiClient(new Uri("http://localhost:11434"), "llama3.2");

    public async Task<string> ToFrenchAsync(string text, CancellationToken ct)
    {
        try
        {
            var reply = await _chat.GetResponseAsync(
                [new ChatMessage(ChatRole.System, "Translate to French."), new ChatMessage(ChatRole.User, text)],
                new ChatOptions { Temperature = 0.1f }, ct);
            return reply.Text;
        }
        catch (HttpRequestException)
        {
            return text;
        }
    }
}
