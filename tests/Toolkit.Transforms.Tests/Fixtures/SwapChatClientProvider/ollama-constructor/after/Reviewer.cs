using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using OpenAI;

namespace ChatApp;

/// <summary>Clients built in a constructor from configuration, in a local used only as an IChatClient, and cast to one.</summary>
public sealed class Reviewer
{
    private readonly IChatClient _client;
    private readonly IChatClient _tools;

    public Reviewer(IConfiguration configuration)
    {
        _client = new OpenAI.Chat.ChatClient(configuration["Ollama:Model"] ?? "gpt-4o-mini", Environment.GetEnvironmentVariable("OPENAI_API_KEY")!).AsIChatClient();
        _tools = (new OpenAI.Chat.ChatClient("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY")!).AsIChatClient())
            .AsBuilder()
            .UseFunctionInvocation()
            .Build();
    }

    public async Task<string> ReviewAsync(string code)
    {
        var quick = new OpenAI.Chat.ChatClient("qwen2.5", Environment.GetEnvironmentVariable("OPENAI_API_KEY")!).AsIChatClient();
        var first = await quick.GetResponseAsync($"Is this C#? {code}");
        var streamed = new System.Text.StringBuilder();
        await foreach (var update in _client.GetStreamingResponseAsync($"Review: {code}")) streamed.Append(update.Text);
        var tools = await _tools.GetResponseAsync("Any tool to run?");
        return $"{first.Text} {streamed} {tools.Text}";
    }
}
