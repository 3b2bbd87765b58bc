namespace Toolkit.Transforms.Swaps;

/// <summary><c>ai:azure-openai=anthropic</c>: Azure OpenAI chat code ported to IChatClient on the Anthropic SDK.</summary>
public sealed class AzureOpenAiToAnthropicSwap : RecipeSwap
{
    /// <inheritdoc/>
    public override string Category => "ai";

    /// <inheritdoc/>
    public override string From => "azure-openai";

    /// <inheritdoc/>
    public override string To => "anthropic";

    /// <inheritdoc/>
    public override string Description => "Ports Azure OpenAI chat code to Microsoft.Extensions.AI IChatClient on the Anthropic SDK, with the package, the configuration section and model ids; embeddings, images and audio stay on Azure OpenAI.";

    /// <inheritdoc/>
    public override string RecipeName => "Toolkit.Ai.AzureOpenAiToAnthropic";
}
