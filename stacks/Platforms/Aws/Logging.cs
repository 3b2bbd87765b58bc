using Toolkit.Stacks.Model;

namespace Toolkit.Stacks.Platforms.Aws;

/// <summary>
/// CloudWatch log groups with retention from <c>compliance.auditLog.retentionDays</c> (rounded up to a value
/// CloudWatch accepts), and CloudTrail (multi-region, log file validation, KMS, its own locked bucket kept as
/// long as the audit retention) when a compliance framework is in force.
/// </summary>
public static class Logging
{
    /// <summary>
    /// Adds log group <paramref name="groupName"/> in <paramref name="region"/>, kept as long as the audit retention asks and
    /// encrypted with <paramref name="key"/>. Services that would create their own group on first write (Aurora's log
    /// exports, Lambda) get theirs created here first, so no group exists without retention or key.
    /// </summary>
    public static Resource AddLogGroup(StackScope scope, string name, string groupName, string region, Resource? key) =>
        scope.Aws(name, "aws:cloudwatch/logGroup:LogGroup", Expr.Map(
            ("name", groupName),
            ("retentionInDays", Naming.CloudWatchRetention(scope.Context.Config.Compliance.AuditLog.RetentionDays)),
            ("kmsKeyId", key?.Output("arn"))), region);

    /// <summary>True when CloudTrail is created: a framework is in force and audit logging is on.</summary>
    public static bool WantsTrail(StackScope scope) =>
        scope.Context.Config.Compliance.Frameworks.Count > 0 && scope.Context.Config.Compliance.AuditLog.Enabled;

    /// <summary>Adds CloudTrail in the primary region (covering every region), or nothing when not asked for.</summary>
    public static Resource? AddTrail(StackScope scope, Resource? key)
    {
        if (!WantsTrail(scope)) return null;
        var region = scope.Context.PrimaryRegion;
        var days = scope.Context.Config.Compliance.AuditLog.RetentionDays;
        var bucket = Storage.AddBucket(scope, "audit-trail-bucket", region, key, expireAfterDays: days);
        var account = $"${{{Encryption.AccountIdVariable}}}";
        var policy = scope.Aws("audit-trail-bucket-policy", "aws:s3/bucketPolicy:BucketPolicy", Expr.Map(
            ("bucket", bucket.Output("id")),
            ("policy", Expr.Json(Expr.Map(
                ("Version", "2012-10-17"),
                ("Statement", Expr.List(
                    Expr.Map(("Sid", "AclCheck"), ("Effect", "Allow"), ("Principal", Expr.Map(("Service", "cloudtrail.amazonaws.com"))),
                        ("Action", "s3:GetBucketAcl"), ("Resource", bucket.Output("arn"))),
                    Expr.Map(("Sid", "Write"), ("Effect", "Allow"), ("Principal", Expr.Map(("Service", "cloudtrail.amazonaws.com"))),
                        ("Action", "s3:PutObject"), ("Resource", Expr.Format($"${{{bucket.Name}.arn}}/AWSLogs/{account}/*")),
                        ("Condition", Expr.Map(("StringEquals", Expr.Map(("s3:x-amz-acl", "bucket-owner-full-control")))))))))))), region);
        return scope.Aws("audit-trail", "aws:cloudtrail/trail:Trail", Expr.Map(
            ("name", $"{scope.Prefix}-audit"),
            ("s3BucketName", bucket.Output("id")),
            ("isMultiRegionTrail", true),
            ("includeGlobalServiceEvents", true),
            ("enableLogFileValidation", true),
            ("kmsKeyId", key?.Output("arn"))), region,
            new ResourceOptions { DependsOn = [policy.Name] });
    }
}
