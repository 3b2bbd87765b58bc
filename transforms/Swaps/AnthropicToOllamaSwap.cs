namespace Toolkit.Transforms.Swaps;

/// <summary><c>ai:anthropic=ollama</c>: code on the Anthropic SDK (its messages API, or IChatClient built from it) moved to IChatClient on an Ollama server.</summary>
public sealed class AnthropicToOllamaSwap : RecipeSwap
{
    /// <inheritdoc/>
    public override string Category => "ai";

    /// <inheritdoc/>
    public override string From => "anthropic";

    /// <inheritdoc/>
    public override string To => "ollama";

    /// <inheritdoc/>
    public override string Description => "Ports code using the Anthropic SDK directly to Microsoft.Extensions.AI IChatClient on an Ollama server (OllamaSharp; endpoint from Ollama:Endpoint, default http://localhost:11434), with the package, the configuration section and model ids.";

    /// <inheritdoc/>
    public override string RecipeName => "Toolkit.Ai.AnthropicToOllama";
}
