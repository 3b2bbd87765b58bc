using Toolkit.Stacks.Model;

namespace Toolkit.Stacks.Platforms.Aws;

/// <summary>
/// Customer-managed KMS keys (rotation on, 30-day deletion window) with a key policy that lets the account,
/// CloudWatch Logs and CloudTrail use them. Only when compliance asks for encryption at rest with customer keys.
/// </summary>
public static class Encryption
{
    /// <summary>Name of the account-id variable (<c>aws:getCallerIdentity</c>).</summary>
    public const string AccountIdVariable = "account-id";

    /// <summary>Declares the account id lookup once (through the primary region's provider).</summary>
    public static void DeclareAccountId(StackScope scope) =>
        scope.Program.Variable(AccountIdVariable, new InvokeValue("aws:index/getCallerIdentity:getCallerIdentity",
            MapValue.Empty, "accountId", StackScope.AwsProvider(scope.Context.PrimaryRegion)));

    /// <summary>Adds a key (and alias) named <paramref name="name"/> in <paramref name="region"/>, or returns null when keys are off.</summary>
    public static Resource? AddKey(StackScope scope, string name, string region, string purpose)
    {
        if (!scope.CustomerManagedKeys) return null;
        var account = $"${{{AccountIdVariable}}}";
        var policy = Expr.Json(Expr.Map(
            ("Version", "2012-10-17"),
            ("Statement", Expr.List(
                Expr.Map(("Sid", "Account"), ("Effect", "Allow"),
                    ("Principal", Expr.Map(("AWS", Expr.Format($"arn:aws:iam::{account}:root")))),
                    ("Action", "kms:*"), ("Resource", "*")),
                Expr.Map(("Sid", "Services"), ("Effect", "Allow"),
                    ("Principal", Expr.Map(("Service", Expr.Strings([$"logs.{region}.amazonaws.com", "cloudtrail.amazonaws.com", "rds.amazonaws.com", "cloudwatch.amazonaws.com"])))),
                    ("Action", Expr.Strings(["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"])),
                    ("Resource", "*")),
                // Roles allowed to read a secret (task, pod and rotation roles) decrypt it through Secrets Manager only.
                Expr.Map(("Sid", "ViaSecretsManager"), ("Effect", "Allow"),
                    ("Principal", Expr.Map(("AWS", "*"))),
                    ("Action", Expr.Strings(["kms:Decrypt", "kms:GenerateDataKey*", "kms:DescribeKey"])),
                    ("Resource", "*"),
                    ("Condition", Expr.Map(("StringEquals", Expr.Map(
                        ("kms:ViaService", $"secretsmanager.{region}.amazonaws.com"),
                        ("kms:CallerAccount", Expr.Format(account)))))))))));
        var key = scope.Aws(name, "aws:kms/key:Key", Expr.Map(
            ("description", $"{scope.Prefix} {purpose} ({region})"),
            ("enableKeyRotation", true),
            ("deletionWindowInDays", 30),
            ("policy", policy)), region,
            new ResourceOptions { Protect = scope.Context.Stack.DeletionProtection, RetainOnDelete = scope.Context.Stack.DeletionProtection });
        scope.Aws($"{name}-alias", "aws:kms/alias:Alias", Expr.Map(
            ("name", $"alias/{scope.Prefix}-{name}"),
            ("targetKeyId", key.Output("keyId"))), region);
        return key;
    }
}
