namespace Toolkit.Compliance.Checks;

/// <summary>
/// Nothing holding data is reachable from the internet: every S3 bucket has a public access block with all
/// four settings on, databases are not publicly accessible, and R2 buckets have no public managed domain.
/// </summary>
public sealed class PublicAccessBlockedCheck : ICheck
{
    private static readonly string[] BlockSettings = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

    /// <inheritdoc />
    public string Id => "public-access-blocked";
    /// <inheritdoc />
    public string Title => "Public access to data stores is blocked";
    /// <inheritdoc />
    public string ConfigPath => "technologies.storage";

    /// <inheritdoc />
    public CheckResult Run(CheckContext context)
    {
        var program = context.Program;
        var evidence = new List<EvidenceItem>();
        foreach (var bucket in program.OfType("aws:s3:Bucket", "aws:s3:BucketV2"))
        {
            var blocks = program.Referencing(bucket, "aws:s3:BucketPublicAccessBlock");
            if (blocks.Count == 0)
                evidence.Add(Evidence.Of(bucket, "(aws:s3:BucketPublicAccessBlock)", "(absent)", false, "a public access block with all four settings true"));
            foreach (var block in blocks)
                evidence.AddRange(BlockSettings.Select(s => Evidence.IsTrue(block, s)));
        }
        foreach (var r in program.OfType("aws:rds:ClusterInstance", "aws:rds:Instance"))
            evidence.Add(Evidence.IsNotTrue(r, "publiclyAccessible"));
        foreach (var d in program.OfType("cloudflare:index:R2ManagedDomain"))
            evidence.Add(Evidence.IsNotTrue(d, "enabled"));
        return CheckResult.From(Id, evidence, "no data stores in this program");
    }
}
