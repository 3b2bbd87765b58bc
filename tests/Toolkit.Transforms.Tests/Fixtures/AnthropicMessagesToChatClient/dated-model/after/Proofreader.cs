using Microsoft.Extensions.AI;
using OpenAI;

namespace ChatApp.DatedModel;

/// <summary>Requests pinned to dated Claude snapshots: one whose family the map names, one it does not.</summary>
public sealed class Proofreader
{
    private readonly IChatClient _client = new OpenAI.Chat.ChatClient("gpt-4o-mini", Environment.GetEnvironmentVariable("OPENAI_API_KEY")!).AsIChatClient();

    public async Task<string> ProofreadAsync(string text)
    {
        var response = await _client.GetResponseAsync([new ChatMessage(ChatRole.User, $"Fix the typos: {text}")], new ChatOptions { ModelId = "gpt-4o", MaxOutputTokens = 500 });
        return response.Text;
    }

    public async Task<string> TitleAsync(string text)
    {
        var response = await _client.GetResponseAsync([new ChatMessage(ChatRole.User, $"Title this: {text}")], new ChatOptions { ModelId = "claude-3-opus-20240229", MaxOutputTokens = 50 });
        return response.Text;
    }
}
