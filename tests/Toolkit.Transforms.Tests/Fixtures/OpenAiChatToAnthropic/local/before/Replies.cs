using System.ClientModel;
using OpenAI;
using OpenAI.Chat;

namespace App;

public static class Replies
{
    public static async Task<string> DraftAsync(string question, string previousAnswer)
    {
        var client = new ChatClient("gpt-4.1", new ApiKeyCredential(Environment.GetEnvironmentVariable("OPENAI_API_KEY")!));

        // The whole conversation goes in one call.
        var result = await client.CompleteChatAsync(
            [
                ChatMessage.CreateDeveloperMessage("Answer in one paragraph."),
                new UserChatMessage(question),
                new AssistantChatMessage(previousAnswer),
                new UserChatMessage("Shorter, please."),
            ],
            new ChatCompletionOptions { TopP = 0.9f });
        return result.Value.Content[0].Text;
    }
}
