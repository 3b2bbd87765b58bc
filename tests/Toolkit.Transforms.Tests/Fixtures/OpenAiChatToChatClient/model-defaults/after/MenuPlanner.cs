using Anthropic;
using Microsoft.Extensions.AI;

namespace ChatApp.ModelDefaults;

/// <summary>A constructor default that is also kept and reported: not only the client reads it, so it stays (a note).</summary>
public sealed class MenuPlanner
{
    private readonly IChatClient _chat;
    private readonly string _modelName;

    public MenuPlanner(string apiKey, string modelName = "gpt-4o-mini-2024-07-18")
    {
        _modelName = modelName;
        _chat = new AnthropicClient { ApiKey = apiKey }.AsIChatClient(modelName);
    }

    public string ModelName => _modelName;

    public async Task<string> PlanAsync(string week)
    {
        var reply = await _chat.GetResponseAsync([new ChatMessage(ChatRole.User, $"Plan the meals of {week}.")]);
        return reply.Text;
    }
}
