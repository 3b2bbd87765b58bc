namespace Toolkit.Transforms.Swaps;

/// <summary><c>ai:openai=ollama</c>: OpenAI .NET 2.x chat code ported to IChatClient on a local Ollama server.</summary>
public sealed class OpenAiToOllamaSwap : RecipeSwap
{
    /// <inheritdoc/>
    public override string Category => "ai";

    /// <inheritdoc/>
    public override string From => "openai";

    /// <inheritdoc/>
    public override string To => "ollama";

    /// <inheritdoc/>
    public override string Description => "Ports OpenAI chat code to Microsoft.Extensions.AI IChatClient on a local Ollama server (OllamaSharp), with the package, the configuration section and model ids; embeddings, images and audio stay on OpenAI.";

    /// <inheritdoc/>
    public override string RecipeName => "Toolkit.Ai.OpenAiToOllama";
}
