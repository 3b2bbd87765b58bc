namespace Toolkit.Transforms.Swaps;

/// <summary><c>ai:anthropic=openai</c>: IChatClient code on the Anthropic SDK rebuilt on OpenAI (the reverse of ai:openai=anthropic).</summary>
public sealed class AnthropicToOpenAiSwap : RecipeSwap
{
    /// <inheritdoc/>
    public override string Category => "ai";

    /// <inheritdoc/>
    public override string From => "anthropic";

    /// <inheritdoc/>
    public override string To => "openai";

    /// <inheritdoc/>
    public override string Description => "Rebuilds the app's IChatClient instances on OpenAI instead of Anthropic, with the package, the configuration section and model ids; code using the Anthropic SDK directly is listed as manual steps.";

    /// <inheritdoc/>
    public override string RecipeName => "Toolkit.Ai.AnthropicToOpenAi";
}
