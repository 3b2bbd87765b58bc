using System.Globalization;
using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Model;

namespace Toolkit.Stacks.Platforms.Kubernetes;

/// <summary>
/// Where a tenant's plan limits (<c>tenants[].quotas</c>) reach the program. Storage is a hard Kubernetes limit: the
/// <c>requests.storage</c> of the ResourceQuota in each tenant namespace. Users and API calls per month have no object
/// that can count them (Kubernetes counts objects and resources; there is no API Gateway for a usage plan, and WAF rate
/// rules count per five minutes, not per month), so each tenant namespace carries a <c>tenant-limits</c> ConfigMap with all
/// three, labelled, for the application or its gateway to enforce. Where no tenant namespace exists (pooled tenants,
/// ECS), an info diagnostic says that nothing in the program carries them.
/// </summary>
public static class TenantLimits
{
    /// <summary>Name of the ConfigMap in each tenant namespace.</summary>
    public const string ConfigMapName = "tenant-limits";

    /// <summary>Diagnostic code of the note on limits no resource carries.</summary>
    public const string Code = "TK-STACK-QUOTA";

    /// <summary>Adds the limits of every tenant that has a namespace of its own, and the note for the others.</summary>
    public static void Add(StackScope scope)
    {
        var tenants = scope.Context.Tenants;
        if (tenants.Count == 0) return;
        var withNamespace = 0;
        foreach (var region in scope.OnKubernetes ? scope.Context.Regions : [])
            foreach (var tenant in tenants)
            {
                if (scope.Program.Find(NamespaceOf(tenant, region)) is not { } ns) continue;
                if (region == scope.Context.PrimaryRegion) withNamespace++;
                var q = tenant.Quotas;
                scope.Program.Add($"limits-{tenant.Slug}-{region}", "kubernetes:core/v1:ConfigMap", Expr.Map(
                    ("metadata", Expr.Map(
                        ("name", ConfigMapName),
                        ("namespace", ns.Output("metadata.name")),
                        ("labels", Expr.Map(("toolkit.io/tenant", tenant.Id), ("toolkit.io/plan", tenant.Plan))))),
                    ("data", Expr.Map(
                        ("plan", tenant.Plan),
                        ("maxUsers", q.MaxUsers.ToString(CultureInfo.InvariantCulture)),
                        ("maxStorageGb", q.MaxStorageGb.ToString(CultureInfo.InvariantCulture)),
                        ("maxApiCallsPerMonth", q.MaxApiCallsPerMonth.ToString(CultureInfo.InvariantCulture))))),
                    new ResourceOptions { Provider = KubernetesCompute.Provider(region), Parent = ns.Name }, region);
            }
        var without = tenants.Count - withNamespace;
        if (without == 0)
            scope.Diagnostics.Add(Diagnostic.Info(Code,
                $"Tenant quotas: storage is the ResourceQuota requests.storage of each tenant namespace; users and API calls per month are in its '{ConfigMapName}' ConfigMap for the application to enforce (no Kubernetes or AWS object counts them)."));
        else
            scope.Diagnostics.Add(Diagnostic.Info(Code,
                $"Tenant quotas of {without} tenant(s) without a namespace of their own (users, storage, API calls per month) have no resource in this program: Aurora and S3 cap no tenant's share, there is no API Gateway for a usage plan, and WAF rate rules count per five minutes; the application enforces tenants[].quotas.",
                scope.Context.Config.Source.Find("tenants")));
    }

    /// <summary>Logical name of <paramref name="tenant"/>'s namespace in <paramref name="region"/> (db-per-tenant on Kubernetes).</summary>
    public static string NamespaceOf(TenantConfig tenant, string region) => $"ns-{tenant.Slug}-{region}";
}
