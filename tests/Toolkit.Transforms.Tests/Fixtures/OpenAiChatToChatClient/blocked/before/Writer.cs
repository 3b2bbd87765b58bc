using OpenAI.Chat;

namespace ChatApp;

/// <summary>Writes with a named participant: IChatClient messages have no ParticipantName.</summary>
public sealed class Writer(ChatClient chat)
{
    public async Task<string> WriteAsync(string topic)
    {
        var message = new UserChatMessage(topic) { ParticipantName = "editor" };
        ChatCompletion completion = await chat.CompleteChatAsync([message]);
        return completion.Content[0].Text;
    }
}
