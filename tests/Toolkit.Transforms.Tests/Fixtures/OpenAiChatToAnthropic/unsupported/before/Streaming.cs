using OpenAI.Chat;

namespace App;

public sealed class Streaming(ChatClient chat)
{
    public async Task<string> StreamAsync(string prompt)
    {
        var text = "";
        await foreach (var update in chat.CompleteChatStreamingAsync(new UserChatMessage(prompt)))
            foreach (var part in update.ContentUpdate) text += part.Text;
        return text;
    }
}
