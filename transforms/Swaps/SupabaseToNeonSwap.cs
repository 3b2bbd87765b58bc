using Toolkit.Transforms.Recipes;

namespace Toolkit.Transforms.Swaps;

/// <summary><c>database:supabase=neon</c>: the reverse of <see cref="NeonToSupabaseSwap"/>; connection strings to a Neon endpoint (the engine copies the data).</summary>
public sealed class SupabaseToNeonSwap : RecipeSwap
{
    /// <inheritdoc/>
    public override string Category => "database";

    /// <inheritdoc/>
    public override string From => "supabase";

    /// <inheritdoc/>
    public override string To => "neon";

    /// <inheritdoc/>
    public override string Description => "Points the app's Supabase PostgreSQL connection strings at a Neon pooled endpoint (port 5432, SSL Mode=VerifyFull).";

    /// <inheritdoc/>
    public override string RecipeName => "Toolkit.Database.SupabaseToNeon";

    /// <inheritdoc/>
    protected override bool NeedsSemantics => false;

    /// <inheritdoc/>
    public override IReadOnlyList<RecipeOption> SwapOptions =>
    [
        new("neon.endpoint", "Neon endpoint id, the first label of its host.", "ep-cool-darkness-123456", Required: false),
        new("neon.region", "Neon project region; defaults to the Supabase pooler's region.", "us-east-2", Required: false),
        new("neon.user", "Neon role the app connects as.", "neondb_owner", Required: false),
    ];
}
