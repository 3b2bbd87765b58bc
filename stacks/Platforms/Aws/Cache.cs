using Toolkit.Stacks.Model;

namespace Toolkit.Stacks.Platforms.Aws;

/// <summary>One region's cache: the serverless cache, the user the application connects as, and its security group.</summary>
public sealed record RegionalCache(string Region, Resource Cache, Resource User, Resource SecurityGroup);

/// <summary>
/// <c>cache: redis</c>: per region an ElastiCache Serverless cache (Redis OSS 7) in the private subnets, always TLS,
/// encrypted at rest with the region key (the AWS-owned key without customer keys), reached only from the
/// application's security group on 6379 (primary) and 6380 (reader). It authenticates with IAM: the application's user
/// has no password (so none can leak, and none has to rotate), the built-in <c>default</c> user is replaced by a
/// disabled one, and the workload roles are allowed <c>elasticache:Connect</c> on the cache and that user only.
/// </summary>
public static class Cache
{
    /// <summary>Ports the cache serves: 6379 (reads and writes), 6380 (reads from replicas).</summary>
    public static IReadOnlyList<int> Ports { get; } = [6379, 6380];

    /// <summary>Engine and major version of the cache and its users.</summary>
    public const string Engine = "redis", MajorVersion = "7";

    /// <summary>Snapshot retention ElastiCache allows at most (days).</summary>
    public const int MaxSnapshotDays = 35;

    /// <summary>The name of the application's cache user (IAM authentication needs user id and name equal and lowercase).</summary>
    public static string UserName(StackScope scope) => $"{scope.Prefix}-app".ToLowerInvariant();

    /// <summary>Adds the cache of <paramref name="r"/>'s region.</summary>
    public static RegionalCache Add(StackScope scope, RegionalFoundation r)
    {
        var region = r.Region;
        var group = scope.Aws($"cache-sg-{region}", "aws:ec2/securityGroup:SecurityGroup", Expr.Map(
            ("vpcId", r.Network.VpcId),
            ("description", "Cache: only from the application"),
            ("ingress", Expr.List(Expr.Map(("protocol", "tcp"), ("fromPort", Ports[0]), ("toPort", Ports[^1]),
                ("securityGroups", Expr.List(r.Network.AppGroupId)))))), region);
        // A user group must hold a user named "default"; this one can do nothing.
        var disabled = scope.Aws($"cache-default-user-{region}", "aws:elasticache/user:User", Expr.Map(
            ("userId", $"{scope.Prefix}-default".ToLowerInvariant()),
            ("userName", "default"),
            ("engine", Engine),
            ("accessString", "off -@all"),
            ("authenticationMode", Expr.Map(("type", "no-password-required")))), region);
        var name = UserName(scope);
        var user = scope.Aws($"cache-user-{region}", "aws:elasticache/user:User", Expr.Map(
            ("userId", name),
            ("userName", name),
            ("engine", Engine),
            ("accessString", "on ~* +@all"),
            ("authenticationMode", Expr.Map(("type", "iam")))), region);
        var users = scope.Aws($"cache-users-{region}", "aws:elasticache/userGroup:UserGroup", Expr.Map(
            ("userGroupId", $"{scope.Prefix}-app".ToLowerInvariant()),
            ("engine", Engine),
            ("userIds", Expr.List(disabled.Output("userId"), user.Output("userId")))), region);
        var cache = scope.Aws($"cache-{region}", "aws:elasticache/serverlessCache:ServerlessCache", Expr.Map(
            ("name", scope.Prefix.ToLowerInvariant()),
            ("description", $"{scope.Prefix} cache ({region})"),
            ("engine", Engine),
            ("majorEngineVersion", MajorVersion),
            ("kmsKeyId", r.Key?.Output("arn")),
            ("subnetIds", r.Network.PrivateSubnetIds),
            ("securityGroupIds", Expr.List(group.Output("id"))),
            ("userGroupId", users.Output("userGroupId")),
            ("dailySnapshotTime", "04:00"),
            ("snapshotRetentionLimit", Math.Min(scope.Context.Config.Compliance.BackupRetentionDays, MaxSnapshotDays))), region,
            new ResourceOptions { Protect = scope.Context.Stack.DeletionProtection });
        return new RegionalCache(region, cache, user, group);
    }

    /// <summary>What the services of <paramref name="c"/>'s region are told: endpoint, port, user, and that TLS and IAM are on.</summary>
    public static IEnumerable<(string Name, Value Value)> Environment(StackScope scope, RegionalCache c) =>
    [
        ("CACHE_HOST", c.Cache.Output("endpoints[0].address")),
        // Serverless caches always serve 6379 (and 6380 for reads): a literal, since environment values are strings.
        ("CACHE_PORT", $"{Ports[0]}"),
        ("CACHE_READER_HOST", c.Cache.Output("readerEndpoints[0].address")),
        ("CACHE_NAME", c.Cache.Output("name")),
        ("CACHE_USER", UserName(scope)),
        ("CACHE_TLS", "true"),
        ("CACHE_AUTH", "iam"),
    ];

    /// <summary>The IAM statement letting a workload connect to the caches as the application's user.</summary>
    public static Value Statement(IReadOnlyList<RegionalCache> caches) => Expr.Map(
        ("Sid", "Cache"), ("Effect", "Allow"),
        ("Action", "elasticache:Connect"),
        ("Resource", Expr.List(caches.SelectMany(c => new Value[] { c.Cache.Output("arn"), c.User.Output("arn") }))));
}
