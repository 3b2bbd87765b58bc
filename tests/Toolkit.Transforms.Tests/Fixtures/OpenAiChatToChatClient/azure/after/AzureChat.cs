using Anthropic;
using Microsoft.Extensions.AI;

namespace ChatApp;

/// <summary>Chat on an Azure OpenAI deployment.</summary>
public sealed class AzureChat
{
    private readonly IChatClient _chat;

    public AzureChat(IConfiguration configuration)
    {
        _chat = new AnthropicClient().AsIChatClient("claude-sonnet-4-5");
    }

    public async Task<string> ReplyAsync(string text) =>
        (await _chat.GetResponseAsync([new ChatMessage(ChatRole.User, text)])).Text;
}
