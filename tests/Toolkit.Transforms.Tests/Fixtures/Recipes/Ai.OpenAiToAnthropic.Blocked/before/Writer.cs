using OpenAI.Chat;

namespace App;

/// <summary>Uses a message property IChatClient has not got: the whole port waits.</summary>
public sealed class Writer(IConfiguration configuration)
{
    private readonly ChatClient _chat = new(configuration["OpenAI:Model"] ?? "gpt-4o-mini", configuration["OpenAI:ApiKey"]);

    public async Task<string> WriteAsync(string topic) =>
        (await _chat.CompleteChatAsync([new UserChatMessage(topic) { ParticipantName = "editor" }])).Value.Content[0].Text;
}
