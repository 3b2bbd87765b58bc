using System.ClientModel;
using OpenAI.Chat;

namespace ChatApp;

// A client in a field, handed out by an accessor the app itself names GetChatClient, a retry loop that
// checks the content and prints the finish reason, and the text of every non-empty part joined.
public partial class Explainer
{
    private readonly ChatClient chatClient = new(model: Environment.GetEnvironmentVariable("EXPLAINER_MODEL"), apiKey: Environment.GetEnvironmentVariable("OPENAI_API_KEY"));

    internal ChatClient GetChatClient()
    {
        return chatClient;
    }

    public async Task<string> ExplainAsync(string verse)
    {
        List<ChatMessage> messages = [new SystemChatMessage("Explain the verse."), new UserChatMessage(verse)];
        for (var attempt = 1; ; attempt++)
        {
            ClientResult<ChatCompletion> response = await GetChatClient().CompleteChatAsync(messages);
            var completion = response.Value;
            if (completion.Content == null || completion.Content.Count == 0)
            {
                if (attempt >= 3) throw new InvalidOperationException($"Finish reason: {completion.FinishReason}. Tried {attempt} times.");
                continue;
            }
            return string.Join("\n", completion.Content.Where(c => !string.IsNullOrWhiteSpace(c.Text)).Select(c => c.Text));
        }
    }
}
