namespace Toolkit.Transforms.Swaps;

/// <summary><c>ai:ollama=anthropic</c>: IChatClient code built on an OllamaApiClient (OllamaSharp) moved to Anthropic; OllamaSharp's own API is left as manual steps.</summary>
public sealed class OllamaToAnthropicSwap : RecipeSwap
{
    /// <inheritdoc/>
    public override string Category => "ai";

    /// <inheritdoc/>
    public override string From => "ollama";

    /// <inheritdoc/>
    public override string To => "anthropic";

    /// <inheritdoc/>
    public override string Description => "Moves IChatClient code built on OllamaSharp to the Anthropic SDK's IChatClient (key from ANTHROPIC_API_KEY), with the package, the configuration section and model ids, each changed only when no code reading it stays on OllamaSharp; OllamaSharp's own API (Chat, GenerateAsync, model management, embeddings) is listed as manual steps.";

    /// <inheritdoc/>
    public override string RecipeName => "Toolkit.Ai.OllamaToAnthropic";
}
