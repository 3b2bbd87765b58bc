using OpenAI.Chat;

namespace ChatApp;

/// <summary>Gets its client from DI through a primary constructor.</summary>
public sealed class Summarizer(ChatClient chat)
{
    public async Task<string> SummarizeAsync(string text)
    {
        var result = await chat.CompleteChatAsync(new SystemChatMessage("Summarize in one line."), new UserChatMessage(text));
        return result.Value.Content[0].Text;
    }

    public static async Task<string> AskAsync(ChatClient client, string question) =>
        (await client.CompleteChatAsync(question)).Value.Content.ToString() ?? "";
}
