using System.ClientModel;
using OpenAI.Chat;

namespace ChatApp.ModelDefaults;

/// <summary>A constructor default that is also kept and reported: not only the client reads it, so it stays (a note).</summary>
public sealed class MenuPlanner
{
    private readonly ChatClient _chat;
    private readonly string _modelName;

    public MenuPlanner(string apiKey, string modelName = "gpt-4o-mini-2024-07-18")
    {
        _modelName = modelName;
        _chat = new ChatClient(modelName, new ApiKeyCredential(apiKey));
    }

    public string ModelName => _modelName;

    public async Task<string> PlanAsync(string week)
    {
        var reply = await _chat.CompleteChatAsync(new UserChatMessage($"Plan the meals of {week}."));
        return reply.Value.Content[0].Text;
    }
}
