using Anthropic;
using Microsoft.Extensions.AI;

namespace ChatApp.HandedRoot;

/// <summary>A primary-constructor parameter holds the root client.</summary>
public sealed class Answers(AnthropicClient openAi)
{
    public async Task<string> AnswerAsync(string question)
    {
        IChatClient chat = openAi.AsIChatClient("claude-haiku-4-5");
        var result = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, question)]);
        return result.Text;
    }
}
