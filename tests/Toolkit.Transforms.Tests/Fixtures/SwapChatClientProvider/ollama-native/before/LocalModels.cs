using OllamaSharp;
using OllamaSharp.Models;

namespace ChatApp;

/// <summary>OllamaSharp's own API: a Chat with its history, model listing and pulling, a raw completion and embeddings.</summary>
public sealed class LocalModels
{
    private readonly OllamaApiClient _ollama;

    public LocalModels()
    {
        _ollama = new OllamaApiClient(new Uri("http://localhost:11434")) { SelectedModel = "llama3.2" };
    }

    public async Task<string> TalkAsync(string message)
    {
        var chat = new Chat(_ollama);
        var answer = new System.Text.StringBuilder();
        await foreach (var token in chat.SendAsync(message)) answer.Append(token);
        return answer.ToString();
    }

    public async Task<IReadOnlyList<string>> NamesAsync()
    {
        var models = await _ollama.ListLocalModelsAsync();
        return models.Select(m => m.Name).ToList();
    }

    public async Task PullAsync(string name)
    {
        await foreach (var status in _ollama.PullModelAsync(name)) Console.WriteLine(status?.Status);
    }

    public async Task<string> CompleteAsync(string prompt)
    {
        var text = new System.Text.StringBuilder();
        await foreach (var chunk in _ollama.GenerateAsync(new GenerateRequest { Prompt = prompt })) text.Append(chunk?.Response);
        return text.ToString();
    }

    public async Task<float[]> EmbedAsync(string text) => (await _ollama.EmbedAsync(text)).Embeddings[0];
}
