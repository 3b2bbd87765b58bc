using Toolkit.Transforms.Recipes;

namespace Toolkit.Transforms.Swaps;

/// <summary><c>storage:s3=r2</c>: AWSSDK.S3 kept, the client built for Cloudflare R2 (the engine changes toolkit.yaml).</summary>
public sealed class S3ToR2Swap : RecipeSwap
{
    /// <inheritdoc/>
    public override string Category => "storage";

    /// <inheritdoc/>
    public override string From => "s3";

    /// <inheritdoc/>
    public override string To => "r2";

    /// <inheritdoc/>
    public override string Description => "Builds the app's AWS S3 clients for Cloudflare R2 (account endpoint, path-style, credentials from configuration) and lists calls R2 does not support.";

    /// <inheritdoc/>
    public override string RecipeName => "Toolkit.Storage.S3ToR2";

    /// <inheritdoc/>
    public override IReadOnlyList<RecipeOption> SwapOptions =>
    [
        new("r2.accountId", "Cloudflare account id written to Storage:AccountId (not a secret); left empty with a manual step when absent.", "0123456789abcdef0123456789abcdef", Required: false),
    ];
}
