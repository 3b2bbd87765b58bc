using Toolkit.Stacks.Model;

namespace Toolkit.Stacks.Platforms.Aws;

/// <summary>
/// One Aurora database (shared or one tenant's): its writer cluster, regional clusters and credentials secret, and per
/// region what that region's services are given: the endpoint in their own VPC (the writer in the primary, the
/// write-forwarding secondary elsewhere) and the ARN of the secret in their own region (the replica outside the primary).
/// </summary>
public sealed record AuroraDatabase(string Name, Resource Writer, IReadOnlyDictionary<string, Resource> Clusters, Resource Secret,
    IReadOnlyDictionary<string, Value> Hosts, IReadOnlyDictionary<string, Value> SecretArns);

/// <summary>
/// Aurora PostgreSQL: encrypted (customer key when asked), TLS forced (the region's parameter group sets
/// <c>rds.force_ssl</c>), backups kept <c>compliance.backupRetentionDays</c>, deletion protection and Pulumi
/// <c>protect</c> from the stack, its log group created first with retention and key, credentials generated, kept in
/// Secrets Manager (replicated to every region) and rotated. With several regions it is an Aurora global database: the
/// primary writes, the secondaries forward writes to it (<c>enableGlobalWriteForwarding</c>), so every region serves.
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
        var password = scope.Random($"{name}-password", "random:index/randomPassword:RandomPassword", Expr.Map(
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
        var hosts = new Dictionary<string, Value>(StringComparer.Ordinal);
        Resource? writerInstance = null;
        foreach (var r in regions)
        {
            var isWriter = r.Role == RegionRole.Primary;
            var key = keys.GetValueOrDefault(r.Region);
            var identifier = $"{scope.Prefix}-{name}-{r.Region}";
            // Aurora creates /aws/rds/cluster/ID/postgresql on first export, without retention or key: create it first.
            var logs = Logging.AddLogGroup(scope, $"{name}-{r.Region}-logs", $"/aws/rds/cluster/{identifier}/postgresql", r.Region, key);
            var dependsOn = new List<string> { logs.Name };
            // Secondary clusters must wait for the writer, and take their engine version from the global cluster.
            if (!isWriter && writerInstance is not null) dependsOn.Add(writerInstance.Name);
            var cluster = scope.Aws($"{name}-{r.Region}", "aws:rds/cluster:Cluster", Expr.Map(
                ("clusterIdentifier", identifier),
                ("engine", Naming.AuroraEngine),
                ("engineVersion", Naming.AuroraVersion),
                ("globalClusterIdentifier", global?.Output("id")),
                ("enableGlobalWriteForwarding", isWriter || global is null ? null : true),
                ("databaseName", isWriter ? "app" : null),
                ("masterUsername", isWriter ? "app_admin" : null),
                ("masterPassword", isWriter ? password.Output("result") : null),
                ("storageEncrypted", scope.EncryptAtRest),
                ("kmsKeyId", key?.Output("arn")),
                ("dbClusterParameterGroupName", r.DatabaseParameters?.Output("name")),
                ("backupRetentionPeriod", compliance.BackupRetentionDays),
                ("preferredBackupWindow", "03:00-04:00"),
                ("copyTagsToSnapshot", true),
                ("deletionProtection", stack.DeletionProtection),
                ("skipFinalSnapshot", !stack.DeletionProtection),
                ("finalSnapshotIdentifier", stack.DeletionProtection ? $"{identifier}-final" : null),
                ("dbSubnetGroupName", r.DatabaseSubnets.Output("name")),
                ("vpcSecurityGroupIds", Expr.List(r.Network.DatabaseGroup.Output("id"))),
                ("enabledCloudwatchLogsExports", Expr.Strings(["postgresql"]))), r.Region,
                new ResourceOptions
                {
                    Protect = stack.DeletionProtection,
                    DependsOn = dependsOn,
                    // The rotation changes the master password after creation; the program must not set it back.
                    IgnoreChanges = isWriter ? ["masterPassword"] : ["replicationSourceIdentifier"],
                    CustomTimeouts = new CustomTimeouts("120m", "120m", "120m"),
                });
            clusters[r.Region] = cluster;
            hosts[r.Region] = cluster.Output("endpoint");
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
            ("replicas", Replicas(regions, keys.GetValueOrDefault))), primary.Region);
        var version = scope.Aws($"{name}-credentials-value", "aws:secretsmanager/secretVersion:SecretVersion", Expr.Map(
            ("secretId", secret.Output("id")),
            ("secretString", Expr.Secret(Expr.Json(Expr.Map(
                ("engine", "postgres"),
                ("username", "app_admin"),
                ("password", password.Output("result")),
                ("host", writer.Output("endpoint")),
                ("port", Naming.PostgresPort),
                ("dbname", "app"),
                ("dbClusterIdentifier", writer.Output("clusterIdentifier"))))))), primary.Region,
            new ResourceOptions { IgnoreChanges = ["secretString"] });
        Rotation.Add(scope, $"{name}-credentials-rotation", secret, version, regions[0], keys.GetValueOrDefault(primary.Region));

        return new AuroraDatabase(name, writer, clusters, secret, hosts, RegionalArns(secret, regions));
    }

    /// <summary>
    /// The ARN of <paramref name="secret"/> (created in the first region, replicated to the others) in each region: a
    /// replica keeps the primary's name and suffix under its own region, and the provider outputs no replica ARN.
    /// </summary>
    public static IReadOnlyDictionary<string, Value> RegionalArns(Resource secret, IReadOnlyList<RegionalFoundation> regions) =>
        regions.ToDictionary(r => r.Region, r => r.Role == RegionRole.Primary
            ? (Value)secret.Output("arn")
            : Expr.Join("", $"arn:aws:secretsmanager:{r.Region}:", Expr.Select(1, Expr.Split($":{regions[0].Region}:", secret.Output("arn")))),
            StringComparer.Ordinal);

    /// <summary>The <c>replicas</c> of a secret created in the first region: every other region, each with its own key.</summary>
    public static Value? Replicas(IReadOnlyList<RegionalFoundation> regions, Func<string, Resource?> key) => regions.Count > 1
        ? Expr.List(regions.Skip(1).Select(r => (Value)Expr.Map(("region", r.Region), ("kmsKeyId", key(r.Region)?.Output("arn")))))
        : null;
}
