namespace Toolkit.Transforms.Swaps;

/// <summary><c>storage:r2=s3</c>: the reverse of <see cref="S3ToR2Swap"/>; AWSSDK.S3 kept, R2 clients built for AWS S3 (the engine changes toolkit.yaml).</summary>
public sealed class R2ToS3Swap : RecipeSwap
{
    /// <inheritdoc/>
    public override string Category => "storage";

    /// <inheritdoc/>
    public override string From => "r2";

    /// <inheritdoc/>
    public override string To => "s3";

    /// <inheritdoc/>
    public override string Description => "Builds the app's Cloudflare R2 clients for AWS S3 again (region from configuration or AWS_REGION, virtual-hosted addressing).";

    /// <inheritdoc/>
    public override string RecipeName => "Toolkit.Storage.R2ToS3";
}
