using Toolkit.Stacks.Model;

namespace Toolkit.Stacks.Platforms.Aws;

/// <summary>
/// S3 buckets the compliant way: server-side encryption (KMS with a customer key, else AES256) when
/// encryption at rest is on, versioning, and every public access blocked.
/// </summary>
public static class Storage
{
    /// <summary>Adds bucket <paramref name="name"/> with its encryption, versioning and public access block.</summary>
    public static Resource AddBucket(StackScope scope, string name, string region, Resource? key, int? expireAfterDays = null)
    {
        var bucket = scope.Aws(name, "aws:s3/bucket:Bucket", Expr.Map(
            ("forceDestroy", !scope.Context.Stack.DeletionProtection),
            ("tags", Expr.Map(("Name", $"{scope.Prefix}-{name}")))), region,
            new ResourceOptions { Protect = scope.Context.Stack.DeletionProtection });
        if (scope.EncryptAtRest)
            scope.Aws($"{name}-encryption", "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", Expr.Map(
                ("bucket", bucket.Output("id")),
                ("rules", Expr.List(Expr.Map(
                    ("applyServerSideEncryptionByDefault", Expr.Map(
                        ("sseAlgorithm", key is null ? "AES256" : "aws:kms"),
                        ("kmsMasterKeyId", key?.Output("arn")))),
                    ("bucketKeyEnabled", key is not null))))), region);
        scope.Aws($"{name}-versioning", "aws:s3/bucketVersioning:BucketVersioning", Expr.Map(
            ("bucket", bucket.Output("id")),
            ("versioningConfiguration", Expr.Map(("status", "Enabled")))), region);
        scope.Aws($"{name}-public-access", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", Expr.Map(
            ("bucket", bucket.Output("id")),
            ("blockPublicAcls", true),
            ("blockPublicPolicy", true),
            ("ignorePublicAcls", true),
            ("restrictPublicBuckets", true)), region);
        if (expireAfterDays is { } days)
            scope.Aws($"{name}-lifecycle", "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", Expr.Map(
                ("bucket", bucket.Output("id")),
                ("rules", Expr.List(Expr.Map(
                    ("id", "retention"),
                    ("status", "Enabled"),
                    ("filter", Expr.Map(("prefix", ""))),
                    ("expiration", Expr.Map(("days", days))))))), region);
        return bucket;
    }
}
