using Toolkit.Transforms.Recipes;

namespace Toolkit.Transforms.Swaps;

/// <summary><c>ai:openai=anthropic</c>: OpenAI .NET 2.x chat completions to the Anthropic SDK messages API.</summary>
public sealed class OpenAiToAnthropicSwap : RecipeSwap
{
    /// <inheritdoc/>
    public override string Category => "ai";

    /// <inheritdoc/>
    public override string From => "openai";

    /// <inheritdoc/>
    public override string To => "anthropic";

    /// <inheritdoc/>
    public override string Description => "Moves OpenAI chat completions to the Anthropic messages API, with the package reference, the OpenAI configuration section and model ids.";

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
