namespace Toolkit.Transforms.Swaps;

/// <summary><c>ai:ollama=openai</c>: IChatClient code built on an OllamaApiClient (OllamaSharp) moved to OpenAI; OllamaSharp's own API is left as manual steps.</summary>
public sealed class OllamaToOpenAiSwap : RecipeSwap
{
    /// <inheritdoc/>
    public override string Category => "ai";

    /// <inheritdoc/>
    public override string From => "ollama";

    /// <inheritdoc/>
    public override string To => "openai";

    /// <inheritdoc/>
    public override string Description => "Moves IChatClient code built on OllamaSharp to OpenAI (Microsoft.Extensions.AI.OpenAI; key from OPENAI_API_KEY), with the package, the configuration section and model ids, each changed only when no code reading it stays on OllamaSharp; OllamaSharp's own API (Chat, GenerateAsync, model management, embeddings) is listed as manual steps.";

    /// <inheritdoc/>
    public override string RecipeName => "Toolkit.Ai.OllamaToOpenAi";
}
