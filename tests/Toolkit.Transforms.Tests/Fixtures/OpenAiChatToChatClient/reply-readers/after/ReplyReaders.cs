using Microsoft.Extensions.AI;
using Anthropic;

namespace ChatApp;

/// <summary>Reads replies the ways apps do, and registers a chat client through the Microsoft.Extensions.AI DI helper.</summary>
public static class ReplyReaders
{
    public static ChatClientBuilder AddReplyChat(this IServiceCollection services, IConfiguration configuration) =>
        services.AddChatClient(new AnthropicClient { ApiKey = configuration["OpenAI:ApiKey"]! }.AsIChatClient("claude-haiku-4-5"));

    public static async Task<string> FirstAsync(IChatClient chat, string prompt) =>
        (await chat.GetResponseAsync(prompt)).Text;

    public static async Task<string?> FirstOrNothingAsync(IChatClient chat, string prompt)
    {
        ChatResponse completion = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)]);
        return completion.Text;
    }

    public static async Task<string> JoinedAsync(IChatClient chat, string prompt)
    {
        var result = await chat.GetResponseAsync([new ChatMessage(ChatRole.System, "Be brief."), new ChatMessage(ChatRole.User, prompt)]);
        return string.Concat(result.Messages.SelectMany(m => m.Contents).OfType<TextContent>().ToList().Select(part => part.Text));
    }
}
