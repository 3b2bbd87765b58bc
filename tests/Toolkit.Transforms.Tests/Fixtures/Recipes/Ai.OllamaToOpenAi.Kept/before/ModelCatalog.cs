using OllamaSharp;

namespace LocalChat;

/// <summary>Lists the models the Ollama server has: stays on OllamaSharp, so its package and settings stay too.</summary>
public sealed class ModelCatalog(IConfiguration configuration)
{
    public async Task<IEnumerable<string>> NamesAsync()
    {
        using var ollama = new OllamaApiClient(configuration["Ollama:Endpoint"]!);
        return (await ollama.ListLocalModelsAsync()).Select(m => m.Name);
    }
}
