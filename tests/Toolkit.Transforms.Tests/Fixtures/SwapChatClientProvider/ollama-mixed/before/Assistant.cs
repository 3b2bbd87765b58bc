using Microsoft.Extensions.AI;
using OllamaSharp;

namespace ChatApp;

/// <summary>An IChatClient and OllamaSharp's model listing in one file: the file stays as it is.</summary>
public sealed class Assistant
{
    private readonly IChatClient _chat = new OllamaApiClient("http://localhost:11434", "llama3.2");
    private readonly OllamaApiClient _server = new("http://localhost:11434");

    public async Task<string> AnswerAsync(string question) => (await _chat.GetResponseAsync(question)).Text;

    public async Task<bool> HasModelAsync(string name) => (await _server.ListLocalModelsAsync()).Any(m => m.Name == name);
}
