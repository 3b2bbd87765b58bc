using OpenAI.Chat;

namespace App;

/// <summary>Chat: ported.</summary>
public sealed class Assistant(IConfiguration configuration)
{
    private readonly ChatClient _chat = new(configuration["OpenAI:ChatModel"]!, configuration["OpenAI:ApiKey"]);

    public async Task<string> AskAsync(string question) =>
        (await _chat.CompleteChatAsync([new UserChatMessage(question)])).Value.Content[0].Text;
}
