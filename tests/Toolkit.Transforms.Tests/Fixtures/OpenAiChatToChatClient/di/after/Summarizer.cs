using Microsoft.Extensions.AI;

namespace ChatApp;

/// <summary>Gets its client from DI through a primary constructor.</summary>
public sealed class Summarizer(IChatClient chat)
{
    public async Task<string> SummarizeAsync(string text)
    {
        var result = await chat.GetResponseAsync([new ChatMessage(ChatRole.System, "Summarize in one line."), new ChatMessage(ChatRole.User, text)]);
        return result.Text;
    }

    public static async Task<string> AskAsync(IChatClient client, string question) =>
        (await client.GetResponseAsync(question)).Text ?? "";
}
