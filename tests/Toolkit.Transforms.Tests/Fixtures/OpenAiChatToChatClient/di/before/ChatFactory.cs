using OpenAI.Chat;

namespace ChatApp;

/// <summary>Builds the chat client in one place.</summary>
public static class ChatFactory
{
    public static ChatClient Create(IConfiguration configuration) =>
        new(configuration.GetValue<string>("OpenAI:ChatModel") ?? "gpt-4.1-mini", configuration["OpenAI:ApiKey"]!);
}
