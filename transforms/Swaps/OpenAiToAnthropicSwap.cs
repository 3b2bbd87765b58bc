using Toolkit.Transforms.Recipes;

namespace Toolkit.Transforms.Swaps;

/// <summary><c>ai:openai=anthropic</c>: OpenAI .NET 2.x chat code ported to Microsoft.Extensions.AI IChatClient on the Anthropic SDK.</summary>
public sealed class OpenAiToAnthropicSwap : RecipeSwap
{
    /// <inheritdoc/>
    public override string Category => "ai";

    /// <inheritdoc/>
    public override string From => "openai";

    /// <inheritdoc/>
    public override string To => "anthropic";

    /// <inheritdoc/>
    public override string Description => "Ports OpenAI chat code to Microsoft.Extensions.AI IChatClient on the Anthropic SDK, with the package, the OpenAI configuration section and model ids, each changed only when no code reading it stays on OpenAI; embeddings, images and audio stay on OpenAI.";

    /// <inheritdoc/>
    public override string RecipeName => "Toolkit.Ai.OpenAiToAnthropic";

    /// <inheritdoc/>
    public override IReadOnlyList<RecipeOption> SwapOptions =>
    [
        new("anthropic.modelColumns",
            "Database columns holding OpenAI model ids, as [schema.]table.column separated by commas: the plan adds a script mapping them to Claude ids (the down script restores them exactly).",
            "tenant_settings.ai_model", Required: false),
    ];
}
