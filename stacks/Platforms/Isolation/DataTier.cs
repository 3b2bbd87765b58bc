using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Platforms.Aws;

namespace Toolkit.Stacks.Platforms.Isolation;

/// <summary>
/// The databases an isolation level asks for. <c>rls</c> and <c>schema-per-tenant</c> share one Aurora
/// database (tenants are rows or schemas inside it, created by the migration scripts); <c>db-per-tenant</c>
/// gives every tenant its own Aurora cluster (global across regions) encrypted with its own KMS key per region.
/// </summary>
public sealed record DataTier(IsolationLevel Level, AuroraDatabase? Shared, IReadOnlyDictionary<string, AuroraDatabase> PerTenant, Resource? ExternalSecret)
{
    /// <summary>The external database's secret ARN per region (replicas outside the primary); empty otherwise.</summary>
    public IReadOnlyDictionary<string, Value> ExternalSecretArns { get; init; } = new Dictionary<string, Value>();

    /// <summary>Secrets Manager name prefix every tenant database's secret shares (db-per-tenant).</summary>
    public required string TenantSecretPrefix { get; init; }

    /// <summary>True when one secret serves every tenant (shared Aurora or an external database).</summary>
    public bool HasSharedSecret => Shared is not null || ExternalSecret is not null;

    /// <summary>The ARN of the shared secret in <paramref name="region"/> (the replica outside the primary), or null for db-per-tenant.</summary>
    public Value? SharedSecretArn(string region) =>
        Shared?.SecretArns[region] ?? ExternalSecretArns.GetValueOrDefault(region);

    /// <summary>The shared database endpoint in <paramref name="region"/>'s own VPC, or null (external or db-per-tenant).</summary>
    public Value? SharedHost(string region) => Shared?.Hosts[region];

    /// <summary>Every secret ARN a workload of <paramref name="region"/> may read: the shared one, or every tenant's.</summary>
    public IEnumerable<Value> SecretArns(string region) => HasSharedSecret
        ? [SharedSecretArn(region)!]
        : PerTenant.Values.Select(d => d.SecretArns[region]);

    /// <summary>Adds the data tier for the stack's isolation level.</summary>
    public static DataTier Add(StackScope scope, IReadOnlyList<RegionalFoundation> regions)
    {
        var level = scope.Context.Isolation;
        var database = scope.Context.Config.Technologies.Database;
        var prefix = $"{scope.Context.ProjectName}/{scope.Context.Stack.Name}/tenant-";
        if (database != "aws-aurora")
        {
            scope.Diagnostics.Add(Diagnostic.Info("TK-STACK-EXTERNAL-DB",
                $"Database '{database}' is a managed service outside AWS: the stack creates its credentials secret only; put its connection string there (and rotate it with the provider's own tools)."));
            var secret = scope.Aws("database-credentials", "aws:secretsmanager/secret:Secret", Expr.Map(
                ("name", $"{scope.Context.ProjectName}/{scope.Context.Stack.Name}/database"),
                ("description", $"Connection string of the {database} database"),
                ("kmsKeyId", regions[0].Key?.Output("arn")),
                ("recoveryWindowInDays", 30),
                ("replicas", Database.Replicas(regions, r => regions.First(f => f.Region == r).Key))), regions[0].Region);
            return new DataTier(level, null, new Dictionary<string, AuroraDatabase>(), secret)
            {
                TenantSecretPrefix = prefix,
                ExternalSecretArns = Database.RegionalArns(secret, regions),
            };
        }

        var regionalKeys = regions.ToDictionary(r => r.Region, r => r.Key, StringComparer.Ordinal);
        if (level != IsolationLevel.DbPerTenant)
        {
            var shared = Database.Add(scope, "main", regions, regionalKeys, instancesPerCluster: 2);
            return new DataTier(level, shared, new Dictionary<string, AuroraDatabase>(), null) { TenantSecretPrefix = prefix };
        }

        // One instance per tenant cluster keeps db-per-tenant affordable; a compliance framework asks for
        // availability across zones (SOC 2 A1.2, HIPAA 164.308(a)(7)), which takes a writer and a reader.
        var tenantInstances = scope.Context.Config.Compliance.Frameworks.Count > 0 ? 2 : 1;
        var perTenant = new Dictionary<string, AuroraDatabase>(StringComparer.Ordinal);
        foreach (var tenant in scope.Context.Tenants)
        {
            var keys = regions.ToDictionary(
                r => r.Region,
                r => Encryption.AddKey(scope, $"kms-{tenant.Slug}-{r.Region}", r.Region, $"tenant {tenant.Id}"),
                StringComparer.Ordinal);
            perTenant[tenant.Id] = Database.Add(scope, $"tenant-{tenant.Slug}", regions, keys, instancesPerCluster: tenantInstances);
        }
        return new DataTier(level, null, perTenant, null) { TenantSecretPrefix = prefix };
    }
}
