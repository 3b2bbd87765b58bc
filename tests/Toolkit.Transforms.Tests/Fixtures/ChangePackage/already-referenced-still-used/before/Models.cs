using OllamaSharp;

namespace Notes;

/// <summary>Lists the models the local server holds: OllamaSharp's own API, which no swap ports.</summary>
public sealed class Models(OllamaApiClient ollama)
{
    public async Task<int> CountAsync() => (await ollama.ListLocalModelsAsync()).Count();
}
