using Toolkit.Stacks.Model;

namespace Toolkit.Stacks.Platforms.Aws;

/// <summary>One Aurora database (shared or one tenant's): its writer cluster, regional clusters and credentials secret.</summary>
public sealed record AuroraDatabase(string Name, Resource Writer, IReadOnlyDictionary<string, Resource> Clusters, Resource Secret);

/// <summary>
/// Aurora PostgreSQL: encrypted (customer key when asked), backups kept <c>compliance.backupRetentionDays</c>,
/// deletion protection and Pulumi <c>protect</c> from the stack, credentials generated and kept in Secrets Manager
/// (replicated to every region). With several regions it is an Aurora global database: the primary region writes,
/// the others hold secondary clusters.
/// </summary>
public static class Database
{
    /// <summary>Adds database <paramref name="name"/> across <paramref name="regions"/>; <paramref name="keys"/> gives each region's KMS key (or null).</summary>
    public static AuroraDatabase Add(StackScope scope, string name, IReadOnlyList<RegionalFoundation> regions,
        IReadOnlyDictionary<string, Resource?> keys, int instancesPerCluster)
    {
        var stack = scope.Context.Stack;
        var compliance = scope.Context.Config.Compliance;
        var primary = regions[0];
        var password = scope.Program.Add($"{name}-password", "random:index/randomPassword:RandomPassword", Expr.Map(
            ("length", 32), ("special", false)));

        Resource? global = null;
        if (regions.Count > 1)
            global = scope.Aws($"{name}-global", "aws:rds/globalCluster:GlobalCluster", Expr.Map(
                ("globalClusterIdentifier", $"{scope.Prefix}-{name}"),
                ("engine", Naming.AuroraEngine),
                ("engineVersion", Naming.AuroraVersion),
                ("storageEncrypted", scope.EncryptAtRest),
                ("deletionProtection", stack.DeletionProtection)), primary.Region,
                new ResourceOptions { Protect = stack.DeletionProtection });

        var clusters = new Dictionary<string, Resource>(StringComparer.Ordinal);
        Resource? writerInstance = null;
        foreach (var r in regions)
        {
            var isWriter = r.Role == RegionRole.Primary;
            var key = keys.GetValueOrDefault(r.Region);
            var cluster = scope.Aws($"{name}-{r.Region}", "aws:rds/cluster:Cluster", Expr.Map(
                ("clusterIdentifier", $"{scope.Prefix}-{name}-{r.Region}"),
                ("engine", Naming.AuroraEngine),
                ("engineVersion", Naming.AuroraVersion),
                ("globalClusterIdentifier", global?.Output("id")),
                ("databaseName", isWriter ? "app" : null),
                ("masterUsername", isWriter ? "app_admin" : null),
                ("masterPassword", isWriter ? password.Output("result") : null),
                ("storageEncrypted", scope.EncryptAtRest),
                ("kmsKeyId", key?.Output("arn")),
                ("backupRetentionPeriod", compliance.BackupRetentionDays),
                ("preferredBackupWindow", "03:00-04:00"),
                ("copyTagsToSnapshot", true),
                ("deletionProtection", stack.DeletionProtection),
                ("skipFinalSnapshot", !stack.DeletionProtection),
                ("finalSnapshotIdentifier", stack.DeletionProtection ? $"{scope.Prefix}-{name}-{r.Region}-final" : null),
                ("dbSubnetGroupName", r.DatabaseSubnets.Output("name")),
                ("vpcSecurityGroupIds", Expr.List(r.Network.DatabaseGroup.Output("id"))),
                ("enabledCloudwatchLogsExports", Expr.Strings(["postgresql"]))), r.Region,
                new ResourceOptions
                {
                    Protect = stack.DeletionProtection,
                    // Secondary clusters must wait for the writer, and take their engine version from the global cluster.
                    DependsOn = !isWriter && writerInstance is not null ? [writerInstance.Name] : [],
                    IgnoreChanges = isWriter ? [] : ["replicationSourceIdentifier"],
                    CustomTimeouts = new CustomTimeouts("120m", "120m", "120m"),
                });
            clusters[r.Region] = cluster;
            for (var i = 0; i < instancesPerCluster; i++)
            {
                var instance = scope.Aws($"{name}-{r.Region}-{i}", "aws:rds/clusterInstance:ClusterInstance", Expr.Map(
                    ("clusterIdentifier", cluster.Output("id")),
                    ("engine", Naming.AuroraEngine),
                    ("engineVersion", Naming.AuroraVersion),
                    ("instanceClass", stack.DatabaseInstanceClass),
                    ("publiclyAccessible", false),
                    ("dbSubnetGroupName", r.DatabaseSubnets.Output("name"))), r.Region,
                    new ResourceOptions { Parent = cluster.Name, CustomTimeouts = new CustomTimeouts("90m", "90m", "90m") });
                if (isWriter && i == 0) writerInstance = instance;
            }
        }

        var writer = clusters[primary.Region];
        var secret = scope.Aws($"{name}-credentials", "aws:secretsmanager/secret:Secret", Expr.Map(
            ("name", $"{scope.Context.ProjectName}/{stack.Name}/{name}"),
            ("description", $"Credentials of the {name} database"),
            ("kmsKeyId", keys.GetValueOrDefault(primary.Region)?.Output("arn")),
            ("recoveryWindowInDays", 30),
            ("replicas", regions.Count > 1
                ? Expr.List(regions.Skip(1).Select(r => (Value)Expr.Map(("region", r.Region), ("kmsKeyId", keys.GetValueOrDefault(r.Region)?.Output("arn")))))
                : null)), primary.Region);
        scope.Aws($"{name}-credentials-value", "aws:secretsmanager/secretVersion:SecretVersion", Expr.Map(
            ("secretId", secret.Output("id")),
            ("secretString", Expr.Secret(Expr.Json(Expr.Map(
                ("engine", "postgres"),
                ("username", "app_admin"),
                ("password", password.Output("result")),
                ("host", writer.Output("endpoint")),
                ("port", Naming.PostgresPort),
                ("dbname", "app")))))), primary.Region);
        return new AuroraDatabase(name, writer, clusters, secret);
    }
}
