using System.Security.Cryptography;
using System.Text;
using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Platforms.Isolation;

namespace Toolkit.Stacks.Platforms.Aws;

/// <summary>What <see cref="Backup.Add"/> created: the vault of each region (the copy region's included) and the plans.</summary>
public sealed record BackupPlans(IReadOnlyDictionary<string, Resource> Vaults, IReadOnlyList<Resource> Plans, string? CopyRegion);

/// <summary>
/// AWS Backup for the stack's data: in every region that holds Aurora writer clusters or S3 buckets, a vault encrypted with
/// the region's key, a daily plan kept <c>backups.retentionDays</c> (default <c>compliance.backupRetentionDays</c>) and
/// selections naming those resources by ARN (at most <see cref="ArnsPerSelection"/> each). When the pattern is
/// multi-region or a framework asks for recoverability (HIPAA 164.308(a)(7), SOC 2 A1.2), or <c>backups.copyRegion</c> is
/// set, every recovery point is also copied to a vault in a second region: the copy region for the primary, the primary
/// for the others. One IAM role (the AWS-managed backup and restore policies) runs every selection.
/// </summary>
public static class Backup
{
    /// <summary>AWS Backup accepts at most 500 ARNs (without wildcards) in one selection.</summary>
    public const int ArnsPerSelection = 500;

    /// <summary>AWS Backup vault, plan and selection names: at most 50 characters.</summary>
    public const int MaxNameLength = 50;

    /// <summary>The managed policies of the backup role; the S3 pair only when buckets are backed up.</summary>
    public static IReadOnlyList<string> ManagedPolicies { get; } =
    [
        "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
        "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores",
    ];

    /// <summary>The managed policies S3 backups and restores need in addition.</summary>
    public static IReadOnlyList<string> S3ManagedPolicies { get; } =
    [
        "arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup",
        "arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Restore",
    ];

    /// <summary>Whether recovery points are copied to a second region.</summary>
    public static bool CopiesAcrossRegions(ToolkitConfig config, IReadOnlyList<string> regions) =>
        regions.Count > 1 || config.Backups.CopyRegion is not null
        || config.Compliance.Frameworks.Contains(ComplianceFramework.Hipaa) || config.Compliance.Frameworks.Contains(ComplianceFramework.Soc2);

    /// <summary>Adds the backups of <paramref name="data"/> and <paramref name="buckets"/>; null when there is nothing AWS Backup can protect.</summary>
    public static BackupPlans? Add(StackScope scope, IReadOnlyList<RegionalFoundation> regions, DataTier data, IReadOnlyList<Resource> buckets)
    {
        var config = scope.Context.Config;
        var primary = regions[0];
        var protectedBy = regions.ToDictionary(r => r.Region, _ => (Databases: new List<Value>(), Buckets: new List<Value>()), StringComparer.Ordinal);
        // The writer cluster holds a global database's data; secondaries are copies of it.
        foreach (var database in data.Databases) protectedBy[primary.Region].Databases.Add(database.Writer.Output("arn"));
        foreach (var bucket in buckets)
            if (bucket.Region is { } region && protectedBy.TryGetValue(region, out var set)) set.Buckets.Add(bucket.Output("arn"));
        var regionsWithData = regions.Where(r => protectedBy[r.Region].Databases.Count + protectedBy[r.Region].Buckets.Count > 0).ToList();
        if (regionsWithData.Count == 0) return null;

        var retention = config.Backups.RetentionDays ?? config.Compliance.BackupRetentionDays;
        var copyRetention = config.Backups.CopyRetentionDays ?? retention;
        var copyRegion = CopiesAcrossRegions(config, scope.Context.Regions) ? CopyRegion(scope) : null;

        var vaults = new Dictionary<string, Resource>(StringComparer.Ordinal);
        foreach (var r in regionsWithData) vaults[r.Region] = AddVault(scope, r.Region, r.Key);
        if (copyRegion is not null && !vaults.ContainsKey(copyRegion))
        {
            var own = regions.FirstOrDefault(r => r.Region == copyRegion);
            if (own is null) scope.Provider(StackScope.AwsProvider(copyRegion), "aws", Expr.Map(
                ("region", copyRegion),
                ("defaultTags", Expr.Map(("tags", scope.Tags)))), copyRegion);
            var key = own is not null ? own.Key : Encryption.AddKey(scope, $"kms-backup-{copyRegion}", copyRegion, "backup copies");
            vaults[copyRegion] = AddVault(scope, copyRegion, key);
        }

        var role = AddRole(scope, withS3: regionsWithData.Any(r => protectedBy[r.Region].Buckets.Count > 0));
        var plans = new List<Resource>();
        foreach (var r in regionsWithData)
        {
            var target = copyRegion is null ? null : r.Role == RegionRole.Primary ? copyRegion : primary.Region;
            var plan = scope.Aws($"backup-plan-{r.Region}", "aws:backup/plan:Plan", Expr.Map(
                ("name", Fit(scope, r.Region)),
                ("rules", Expr.List(Expr.Map(
                    ("ruleName", "daily"),
                    ("targetVaultName", vaults[r.Region].Output("name")),
                    ("schedule", config.Backups.Schedule),
                    ("startWindow", 60),
                    ("completionWindow", 480),
                    ("lifecycle", Expr.Map(("deleteAfter", retention))),
                    ("copyActions", target is null ? null : Expr.List(Expr.Map(
                        ("destinationVaultArn", vaults[target].Output("arn")),
                        ("lifecycle", Expr.Map(("deleteAfter", copyRetention)))))))))), r.Region);
            plans.Add(plan);
            var (databases, bucketArns) = protectedBy[r.Region];
            for (var i = 0; i * ArnsPerSelection < databases.Count; i++)
                AddSelection(scope, i == 0 ? $"backup-databases-{r.Region}" : $"backup-databases-{r.Region}-{i + 1}",
                    Fit(scope, i == 0 ? "databases" : $"databases-{i + 1}"), plan, role, databases.Skip(i * ArnsPerSelection).Take(ArnsPerSelection), r.Region);
            if (bucketArns.Count > 0) AddSelection(scope, $"backup-buckets-{r.Region}", Fit(scope, "buckets"), plan, role, bucketArns, r.Region);
        }
        return new BackupPlans(vaults, plans, copyRegion);
    }

    /// <summary>
    /// Where copies go: <c>backups.copyRegion</c>; else the stack's second region; else the first region of the catalogue in the
    /// primary's geography (<c>us-</c>, <c>eu-</c>...) that the data residency allows. Null, with a warning, when none fits.
    /// </summary>
    public static string? CopyRegion(StackScope scope)
    {
        var config = scope.Context.Config;
        if (config.Backups.CopyRegion is { } chosen && chosen != scope.Context.PrimaryRegion) return chosen;
        if (scope.Context.Regions.Count > 1) return scope.Context.Regions[1];
        var primary = scope.Context.PrimaryRegion;
        var pick = BackupConfig.DefaultCopyRegion(primary, config.Compliance.DataResidency);
        if (pick is null)
            scope.Diagnostics.Add(Diagnostic.Warning("TK-STACK-BACKUP-COPY",
                $"No region other than {primary} fits the data residency, so backups are not copied across regions; set 'backups.copyRegion'.",
                config.Source.Find("backups") ?? config.Source.Find("compliance")));
        return pick;
    }

    private static Resource AddVault(StackScope scope, string region, Resource? key) =>
        scope.Aws($"backup-vault-{region}", "aws:backup/vault:Vault", Expr.Map(
            ("name", Fit(scope, "backups")),
            // Without a customer key the vault uses AWS Backup's own key (aws/backup).
            ("kmsKeyArn", key?.Output("arn")),
            ("forceDestroy", !scope.Context.Stack.DeletionProtection)), region,
            new ResourceOptions { Protect = scope.Context.Stack.DeletionProtection });

    private static Resource AddRole(StackScope scope, bool withS3)
    {
        var region = scope.Context.PrimaryRegion;
        var role = scope.Aws("backup-role", "aws:iam/role:Role", Expr.Map(
            ("assumeRolePolicy", Expr.Json(Expr.Map(
                ("Version", "2012-10-17"),
                ("Statement", Expr.List(Expr.Map(
                    ("Effect", "Allow"),
                    ("Principal", Expr.Map(("Service", "backup.amazonaws.com"))),
                    ("Action", "sts:AssumeRole"))))))),
            ("description", $"{scope.Prefix} AWS Backup (backups, copies and restores)")), region);
        var policies = withS3 ? ManagedPolicies.Concat(S3ManagedPolicies) : ManagedPolicies;
        foreach (var arn in policies)
            scope.Aws($"backup-role-{Suffix(arn)}", "aws:iam/rolePolicyAttachment:RolePolicyAttachment", Expr.Map(
                ("role", role.Output("name")),
                ("policyArn", arn)), region);
        return role;
    }

    /// <summary><c>...AWSBackupServiceRolePolicyForS3Restore</c> to <c>s3-restore</c>.</summary>
    private static string Suffix(string policyArn)
    {
        var name = policyArn[(policyArn.LastIndexOf("PolicyFor", StringComparison.Ordinal) + "PolicyFor".Length)..];
        return name.StartsWith("S3", StringComparison.Ordinal) ? "s3-" + name[2..].ToLowerInvariant() : name.ToLowerInvariant();
    }

    private static void AddSelection(StackScope scope, string name, string selectionName, Resource plan, Resource role, IEnumerable<Value> arns, string region) =>
        scope.Aws(name, "aws:backup/selection:Selection", Expr.Map(
            ("name", selectionName),
            ("planId", plan.Output("id")),
            ("iamRoleArn", role.Output("arn")),
            ("resources", Expr.List(arns))), region);

    /// <summary><c>PREFIX-SUFFIX</c> within <see cref="MaxNameLength"/>: a long prefix is cut and a hash of it keeps names distinct.</summary>
    public static string Fit(StackScope scope, string suffix)
    {
        var name = $"{scope.Prefix}-{suffix}";
        if (name.Length <= MaxNameLength) return name;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope.Prefix)))[..8];
        return $"{scope.Prefix[..(MaxNameLength - suffix.Length - 10)]}-{hash}-{suffix}";
    }
}
