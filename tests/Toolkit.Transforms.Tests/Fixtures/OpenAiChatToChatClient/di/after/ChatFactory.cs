using Anthropic;
using Microsoft.Extensions.AI;

namespace ChatApp;

/// <summary>Builds the chat client in one place.</summary>
public static class ChatFactory
{
    public static IChatClient Create(IConfiguration configuration) =>
        new AnthropicClient { ApiKey = configuration["OpenAI:ApiKey"]! }.AsIChatClient(configuration.GetValue<string>("OpenAI:ChatModel") ?? "claude-haiku-4-5");
}
