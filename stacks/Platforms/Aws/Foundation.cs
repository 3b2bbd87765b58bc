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

/// <summary>What every AWS region of a stack has: provider, network, key, log group and database subnet group.</summary>
public sealed record RegionalFoundation(
    string Region,
    int Index,
    RegionRole Role,
    Resource Provider,
    RegionalNetwork Network,
    Resource? Key,
    Resource LogGroup,
    Resource DatabaseSubnets);

/// <summary>Adds the per-region AWS base: an explicit <c>aws</c> provider pinned to the region, then the rest.</summary>
public static class Foundation
{
    /// <summary>Adds the explicit provider of every region (they must exist before anything references them).</summary>
    public static IReadOnlyList<Resource> AddProviders(StackScope scope) =>
        scope.Context.Regions.Select(region => scope.Program.Add(StackScope.AwsProvider(region), "pulumi:providers:aws", Expr.Map(
            ("region", region),
            ("defaultTags", Expr.Map(("tags", scope.Tags)))), region: region)).ToList();

    /// <summary>Adds network, key, log group and subnet group of <paramref name="provider"/>'s region.</summary>
    public static RegionalFoundation Add(StackScope scope, Resource provider, int index)
    {
        var region = provider.Region!;
        var network = Network.Add(scope, region, index);
        var key = Encryption.AddKey(scope, $"kms-{region}", region, "platform data");
        var logs = Logging.AddLogGroup(scope, region, key);
        var subnets = scope.Aws($"db-subnets-{region}", "aws:rds/subnetGroup:SubnetGroup", Expr.Map(
            ("name", $"{scope.Prefix}-{region}"),
            ("subnetIds", network.PrivateSubnetIds)), region);
        return new RegionalFoundation(region, index, index == 0 ? RegionRole.Primary : RegionRole.Replica, provider, network, key, logs, subnets);
    }
}
