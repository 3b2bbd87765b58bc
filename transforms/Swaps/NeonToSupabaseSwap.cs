using Toolkit.Transforms.Recipes;

namespace Toolkit.Transforms.Swaps;

/// <summary><c>database:neon=supabase</c>: connection strings and pooler settings (the engine copies the data).</summary>
public sealed class NeonToSupabaseSwap : RecipeSwap
{
    /// <inheritdoc/>
    public override string Category => "database";

    /// <inheritdoc/>
    public override string From => "neon";

    /// <inheritdoc/>
    public override string To => "supabase";

    /// <inheritdoc/>
    public override string Description => "Points the app's Neon PostgreSQL connection strings at the Supabase pooler (port 6543, SSL Mode=Require).";

    /// <inheritdoc/>
    public override string RecipeName => "Toolkit.Database.NeonToSupabase";

    /// <inheritdoc/>
    public override IReadOnlyList<RecipeOption> SwapOptions =>
    [
        new("supabase.projectRef", "Supabase project ref, used in the pooler user name postgres.REF.", "abcdefghijklmnopqrst", Required: false),
        new("supabase.region", "Supabase project region; defaults to the Neon region.", "us-east-2", Required: false),
    ];
}
