using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using OllamaSharp;

namespace ChatApp;

/// <summary>Clients built in a constructor from configuration, in a local used only as an IChatClient, and cast to one.</summary>
public sealed class Reviewer
{
    private readonly IChatClient _client;
    private readonly IChatClient _tools;

    public Reviewer(IConfiguration configuration)
    {
        _client = new OllamaApiClient(configuration["Ollama:Endpoint"]!, configuration["Ollama:Model"] ?? "llama3.2");
        var endpoint = "http://localhost:11434";
        _tools = ((IChatClient)new OllamaApiClient(endpoint, "llama3.3"))
            .AsBuilder()
            .UseFunctionInvocation()
            .Build();
    }

    public async Task<string> ReviewAsync(string code)
    {
        var quick = new OllamaApiClient(new Uri("http://localhost:11434"), "qwen2.5");
        var first = await quick.GetResponseAsync($"Is this C#? {code}");
        var streamed = new System.Text.StringBuilder();
        await foreach (var update in _client.GetStreamingResponseAsync($"Review: {code}")) streamed.Append(update.Text);
        var tools = await _tools.GetResponseAsync("Any tool to run?");
        return $"{first.Text} {streamed} {tools.Text}";
    }
}
