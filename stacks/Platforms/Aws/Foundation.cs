using Toolkit.Stacks.Model;

namespace Toolkit.Stacks.Platforms.Aws;

/// <summary>Role of a region: the primary takes writes, replicas follow it.</summary>
public enum RegionRole
{
    /// <summary>The first region: database writer, CloudTrail home.</summary>
    Primary,
    /// <summary>Any other region: read replica, standby.</summary>
    Replica,
}

/// <summary>
/// What every AWS region of a stack has: provider, network, key, the application log group (ECS only), the database
/// subnet group and the Aurora cluster parameter group (TLS forced, session-consistent write forwarding).
/// </summary>
public sealed record RegionalFoundation(
    string Region,
    int Index,
    RegionRole Role,
    Resource Provider,
    RegionalNetwork Network,
    Resource? Key,
    Resource? LogGroup,
    Resource DatabaseSubnets,
    Resource? DatabaseParameters);

/// <summary>Adds the per-region AWS base: an explicit <c>aws</c> provider pinned to the region and version, then the rest.</summary>
public static class Foundation
{
    /// <summary>Aurora parameter group family of <see cref="Naming.AuroraVersion"/>.</summary>
    public const string AuroraFamily = "aurora-postgresql16";

    /// <summary>Adds the explicit provider of every region (they must exist before anything references them).</summary>
    public static IReadOnlyList<Resource> AddProviders(StackScope scope) =>
        scope.Context.Regions.Select(region => scope.Provider(StackScope.AwsProvider(region), "aws", Expr.Map(
            ("region", region),
            ("defaultTags", Expr.Map(("tags", scope.Tags)))), region)).ToList();

    /// <summary>Adds network, key, log group, subnet group and parameter group of <paramref name="provider"/>'s region.</summary>
    public static RegionalFoundation Add(StackScope scope, Resource provider, int index)
    {
        var region = provider.Region!;
        var network = Network.Add(scope, region, index);
        var key = Encryption.AddKey(scope, $"kms-{region}", region, "platform data");
        // Kubernetes workloads log through the cluster's own pipeline; only ECS tasks write to this group.
        var logs = scope.OnKubernetes ? null : Logging.AddLogGroup(scope, $"app-logs-{region}", $"/{scope.Context.ProjectName}/{scope.Context.Stack.Name}/app", region, key);
        var subnets = scope.Aws($"db-subnets-{region}", "aws:rds/subnetGroup:SubnetGroup", Expr.Map(
            ("name", $"{scope.Prefix}-{region}"),
            ("subnetIds", network.PrivateSubnetIds)), region);
        var parameters = scope.Context.Config.Technologies.Database != "aws-aurora" ? null
            : scope.Aws($"aurora-params-{region}", "aws:rds/clusterParameterGroup:ClusterParameterGroup", Expr.Map(
                ("name", $"{scope.Prefix}-{region}"),
                ("family", AuroraFamily),
                ("description", "TLS required; writes on secondary clusters forwarded to the primary with session consistency"),
                ("parameters", Expr.List(
                    Expr.Map(("name", "rds.force_ssl"), ("value", "1"), ("applyMethod", "pending-reboot")),
                    Expr.Map(("name", "apg_write_forward.consistency_mode"), ("value", "session"), ("applyMethod", "immediate"))))), region);
        return new RegionalFoundation(region, index, index == 0 ? RegionRole.Primary : RegionRole.Replica, provider, network, key, logs, subnets, parameters);
    }
}
