using Microsoft.Extensions.AI;
using OllamaSharp;

namespace ChatApp;

/// <summary>Classifies text; the key and model come from configuration.</summary>
public sealed class Classifier
{
    private readonly IChatClient _client;
    private readonly string _model;

    public Classifier(IConfiguration configuration)
    {
        _client = new OllamaApiClient(new Uri(configuration["Ollama:Endpoint"] ?? "http://localhost:11434"), "llama3.2");
        _model = configuration["Anthropic:Model"] ?? "claude-haiku-4-5";
    }

    public async Task<string> ClassifyAsync(string text, CancellationToken ct)
    {
        var response = await _client.GetResponseAsync([new ChatMessage(ChatRole.System, "Answer positive, negative or neutral."), new ChatMessage(ChatRole.User, text)], new ChatOptions { ModelId = _model, MaxOutputTokens = 16 }, ct);
        return response.Text;
    }
}
