using Azure;
using Azure.AI.OpenAI;
using OpenAI.Chat;

namespace ChatApp;

/// <summary>Chat on an Azure OpenAI deployment.</summary>
public sealed class AzureChat
{
    private readonly ChatClient _chat;

    public AzureChat(IConfiguration configuration)
    {
        var azure = new AzureOpenAIClient(new Uri(configuration["AzureOpenAI:Endpoint"]!), new AzureKeyCredential(configuration["AzureOpenAI:ApiKey"]!));
        _chat = azure.GetChatClient("gpt-4o");
    }

    public async Task<string> ReplyAsync(string text) =>
        (await _chat.CompleteChatAsync([new UserChatMessage(text)])).Value.Content[0].Text;
}
