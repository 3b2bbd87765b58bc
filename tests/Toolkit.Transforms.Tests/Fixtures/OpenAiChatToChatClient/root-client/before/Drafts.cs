using System.ClientModel;
using OpenAI;

namespace ChatApp;

/// <summary>An OpenAIClient built with options, used only to make a chat client.</summary>
public static class Drafts
{
    public static async Task<string> DraftAsync(string apiKey, string topic)
    {
        var openAi = new OpenAIClient(new ApiKeyCredential(apiKey), new OpenAIClientOptions
        {
            Endpoint = new Uri("https://api.openai.com/v1"),
            NetworkTimeout = TimeSpan.FromSeconds(30),
        });
        var chat = openAi.GetChatClient("gpt-4o-mini");
        var completion = await chat.CompleteChatAsync([OpenAI.Chat.ChatMessage.CreateUserMessage($"Draft a note about {topic}.")]);
        return completion.Value.Content[0].Text;
    }
}
