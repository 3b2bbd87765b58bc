using OpenAI;
using OpenAI.Chat;

namespace ChatApp.HandedRoot;

/// <summary>A primary-constructor parameter holds the root client.</summary>
public sealed class Answers(OpenAIClient openAi)
{
    public async Task<string> AnswerAsync(string question)
    {
        ChatClient chat = openAi.GetChatClient("gpt-4o-mini");
        var result = await chat.CompleteChatAsync(new UserChatMessage(question));
        return result.Value.Content[0].Text;
    }
}
