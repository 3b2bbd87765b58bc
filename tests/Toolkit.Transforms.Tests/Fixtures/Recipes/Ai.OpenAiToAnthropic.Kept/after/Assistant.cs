using Anthropic;
using Microsoft.Extensions.AI;

namespace App;

/// <summary>Chat: ported.</summary>
public sealed class Assistant(IConfiguration configuration)
{
    private readonly IChatClient _chat = new AnthropicClient { ApiKey = configuration["OpenAI:ApiKey"] }.AsIChatClient(configuration["OpenAI:ChatModel"]!);

    public async Task<string> AskAsync(string question) =>
        (await _chat.GetResponseAsync([new ChatMessage(ChatRole.User, question)])).Text;
}
