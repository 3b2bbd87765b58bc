using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace ChatApp;

/// <summary>Reads replies the ways apps do, and registers a chat client through the Microsoft.Extensions.AI DI helper.</summary>
public static class ReplyReaders
{
    public static ChatClientBuilder AddReplyChat(this IServiceCollection services, IConfiguration configuration) =>
        services.AddChatClient(new OpenAIClient(configuration["OpenAI:ApiKey"]!).GetChatClient("gpt-4o-mini").AsIChatClient());

    public static async Task<string> FirstAsync(ChatClient chat, string prompt) =>
        (await chat.CompleteChatAsync(prompt)).Value.Content.First().Text;

    public static async Task<string?> FirstOrNothingAsync(ChatClient chat, string prompt)
    {
        ChatCompletion completion = await chat.CompleteChatAsync([new UserChatMessage(prompt)]);
        return completion.Content.FirstOrDefault()?.Text;
    }

    public static async Task<string> JoinedAsync(ChatClient chat, string prompt)
    {
        var result = await chat.CompleteChatAsync(new SystemChatMessage("Be brief."), new UserChatMessage(prompt));
        return string.Concat(result.Value.Content.Select(part => part.Text));
    }
}
