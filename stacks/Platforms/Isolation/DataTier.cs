using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Platforms.Aws;

namespace Toolkit.Stacks.Platforms.Isolation;

/// <summary>
/// The databases the isolation levels ask for. <c>rls</c> and <c>schema-per-tenant</c> share one Aurora
/// database (tenants are rows or schemas inside it, created by the migration scripts); <c>db-per-tenant</c>
/// gives a tenant its own Aurora cluster (global across regions) encrypted with its own KMS key per region. Each tenant
/// gets its own level (<c>tenants[].isolation</c>, else <c>architecture.isolation</c>), so a tiered platform holds the
/// shared database of its pooled tenants and the databases of its silo tenants in one program.
/// </summary>
public sealed record DataTier(IsolationLevel Level, AuroraDatabase? Shared, IReadOnlyDictionary<string, AuroraDatabase> PerTenant, Resource? ExternalSecret)
{
    /// <summary>The external database's secret ARN per region (replicas outside the primary); empty otherwise.</summary>
    public IReadOnlyDictionary<string, Value> ExternalSecretArns { get; init; } = new Dictionary<string, Value>();

    /// <summary>Secrets Manager name prefix every tenant database's secret shares (db-per-tenant).</summary>
    public required string TenantSecretPrefix { get; init; }

    /// <summary>True when one secret serves every tenant (shared Aurora or an external database, and no silo tenant).</summary>
    public bool HasSharedSecret => (Shared is not null || ExternalSecret is not null) && PerTenant.Count == 0;

    /// <summary>Every Aurora database of the stack: the shared one first, then the tenants' in tenant order.</summary>
    public IEnumerable<AuroraDatabase> Databases => Shared is null ? PerTenant.Values : [Shared, .. PerTenant.Values];

    /// <summary>The ARN of the shared secret in <paramref name="region"/> (the replica outside the primary), or null for db-per-tenant.</summary>
    public Value? SharedSecretArn(string region) =>
        Shared?.SecretArns[region] ?? ExternalSecretArns.GetValueOrDefault(region);

    /// <summary>The shared database endpoint in <paramref name="region"/>'s own VPC, or null (external or db-per-tenant).</summary>
    public Value? SharedHost(string region) => Shared?.Hosts[region];

    /// <summary>Every secret ARN a workload of <paramref name="region"/> may read: the shared one, and every tenant's.</summary>
    public IEnumerable<Value> SecretArns(string region) => SharedSecretArn(region) is { } shared
        ? [shared, .. PerTenant.Values.Select(d => d.SecretArns[region])]
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
        var silos = scope.Context.Tenants.Where(t => scope.Context.IsolationOf(t) == IsolationLevel.DbPerTenant).ToList();
        // The shared database serves the pooled tenants, and on a pooled platform the tenants still to come.
        var shared = level != IsolationLevel.DbPerTenant || silos.Count < scope.Context.Tenants.Count
            ? Database.Add(scope, "main", regions, regionalKeys, instancesPerCluster: 2)
            : null;

        // One instance per tenant cluster keeps db-per-tenant affordable; a compliance framework asks for
        // availability across zones (SOC 2 A1.2, HIPAA 164.308(a)(7)), which takes a writer and a reader.
        var tenantInstances = scope.Context.Config.Compliance.Frameworks.Count > 0 ? 2 : 1;
        var perTenant = new Dictionary<string, AuroraDatabase>(StringComparer.Ordinal);
        foreach (var tenant in silos)
        {
            var keys = regions.ToDictionary(
                r => r.Region,
                r => Encryption.AddKey(scope, $"kms-{tenant.Slug}-{r.Region}", r.Region, $"tenant {tenant.Id}"),
                StringComparer.Ordinal);
            perTenant[tenant.Id] = Database.Add(scope, $"tenant-{tenant.Slug}", regions, keys, instancesPerCluster: tenantInstances);
        }
        return new DataTier(level, shared, perTenant, null) { TenantSecretPrefix = prefix };
    }
}
