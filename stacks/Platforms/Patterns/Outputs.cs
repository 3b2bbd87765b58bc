using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Platforms.Aws;
using Toolkit.Stacks.Platforms.Isolation;

namespace Toolkit.Stacks.Platforms.Patterns;

/// <summary>
/// The stack outputs a reviewer (and the promotion and compliance tools) read:
/// <c>appEndpoint</c>, <c>endpoints</c> (region to URL), <c>regionDeployments</c> (role, compute, services,
/// database per region), <c>isolationLevel</c>, <c>compliance</c> (evidence taken from the resources as
/// synthesized), and for blue-green <c>blueEndpoints</c> and <c>greenEndpoints</c>.
/// </summary>
public static class Outputs
{
    /// <summary>Output names.</summary>
    public const string AppEndpoint = "appEndpoint", Endpoints = "endpoints", RegionDeployments = "regionDeployments",
        IsolationLevel = "isolationLevel", Compliance = "compliance", BlueEndpoints = "blueEndpoints", GreenEndpoints = "greenEndpoints";

    /// <summary>The config spelling of an isolation level.</summary>
    public static string IsolationName(Configuration.IsolationLevel level) => level switch
    {
        Configuration.IsolationLevel.Rls => "rls",
        Configuration.IsolationLevel.SchemaPerTenant => "schema-per-tenant",
        _ => "db-per-tenant",
    };

    /// <summary>Adds every output.</summary>
    public static void Add(StackScope scope, IReadOnlyList<RegionalFoundation> regions, IReadOnlyList<RegionalCompute> computes,
        DataTier data, Resource? trail, IReadOnlyList<Resource> buckets, BackupPlans? backups = null)
    {
        var p = scope.Program;
        var domain = scope.Domain;
        p.Output(AppEndpoint, $"https://app.{domain}");
        p.Output(Endpoints, Expr.Map(regions.Select(r => (r.Region, (Value?)$"https://{r.Region}.{domain}")).ToArray()));
        p.Output(RegionDeployments, Expr.Map(regions.Select(r => (r.Region, (Value?)Expr.Map(
            ("role", r.Role == RegionRole.Primary ? "primary" : "replica"),
            ("compute", scope.Context.Config.Technologies.Compute),
            ("services", Expr.List(computes.First(c => c.Region == r.Region).Services)),
            ("database", Database(data, r))))).ToArray()));
        p.Output(IsolationLevel, IsolationName(data.Level));
        if (scope.Context.IsBlueGreen)
        {
            p.Output(BlueEndpoints, Expr.Map(regions.Select(r => (r.Region, (Value?)$"https://blue-{r.Region}.{domain}")).ToArray()));
            p.Output(GreenEndpoints, Expr.Map(regions.Select(r => (r.Region, (Value?)$"https://green-{r.Region}.{domain}")).ToArray()));
        }
        p.Output(Compliance, Evidence(scope, regions, trail, buckets, backups));
    }

    private static Value Database(DataTier data, RegionalFoundation r)
    {
        if (data.Shared is { } shared)
            return Expr.Map(
                ("engine", "aurora-postgresql"),
                ("role", r.Role == RegionRole.Primary ? "writer" : "secondary"),
                ("endpoint", r.Role == RegionRole.Primary ? shared.Clusters[r.Region].Output("endpoint") : shared.Clusters[r.Region].Output("readerEndpoint")),
                // A tiered platform: the silo tenants' own clusters beside the shared one.
                ("tenantClusters", data.PerTenant.Count > 0 ? data.PerTenant.Count : null));
        if (data.ExternalSecret is not null) return Expr.Map(("engine", "external"));
        return Expr.Map(("engine", "aurora-postgresql"), ("role", r.Role == RegionRole.Primary ? "writer" : "secondary"), ("clusters", data.PerTenant.Count));
    }

    private static Value Evidence(StackScope scope, IReadOnlyList<RegionalFoundation> regions, Resource? trail, IReadOnlyList<Resource> buckets, BackupPlans? backups)
    {
        var c = scope.Context.Config.Compliance;
        return Expr.Map(
            ("frameworks", Expr.Strings(c.Frameworks.Select(f => f.ToString().ToLowerInvariant()))),
            ("encryption", Expr.Map(
                ("atRest", scope.EncryptAtRest),
                ("customerManagedKeys", scope.CustomerManagedKeys),
                ("keyRotation", scope.CustomerManagedKeys),
                ("inTransit", c.Encryption.InTransit),
                ("minimumTlsVersion", scope.MinimumTls))),
            ("logging", Expr.Map(
                ("logRetentionDays", Naming.CloudWatchRetention(c.AuditLog.RetentionDays)),
                ("auditLogRetentionDays", c.AuditLog.RetentionDays),
                ("cloudTrail", trail is not null))),
            ("backups", Expr.Map(
                ("retentionDays", c.BackupRetentionDays),
                ("deletionProtection", scope.Context.Stack.DeletionProtection),
                // The AWS Backup plans and vaults by logical name, and where copies go (null: not copied).
                ("plans", backups is null ? null : Expr.Strings(backups.Plans.Select(b => b.Name))),
                ("vaults", backups is null ? null : Expr.Strings(backups.Vaults.Values.Select(v => v.Name))),
                ("copyRegion", backups?.CopyRegion))),
            ("storage", Expr.Map(
                ("buckets", buckets.Count),
                ("versioning", buckets.Count > 0),
                ("publicAccessBlocked", buckets.Count > 0))),
            ("regions", Expr.Strings(regions.Select(r => r.Region))),
            ("dataResidency", Expr.Map(
                ("allowed", Expr.Strings(c.DataResidency.AllowedRegions)),
                ("prohibited", Expr.Strings(c.DataResidency.ProhibitedRegions)))));
    }
}
