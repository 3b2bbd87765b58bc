using Toolkit.Stacks.Configuration;

namespace Toolkit.Compliance.Checks;

/// <summary>
/// Tenants' data is kept apart at least as strictly as the frameworks require: HIPAA needs a schema or a
/// database per tenant (PHI never shares tables), the others accept row-level security. The realized level
/// is read from the program: a database resource per active tenant means database-per-tenant; on a tiered platform
/// (<c>tenants[].isolation</c> overrides) each tenant is judged at its own level, by its own database where it has one.
/// </summary>
public sealed class TenantIsolationCheck : ICheck
{
    /// <inheritdoc />
    public string Id => "tenant-isolation";
    /// <inheritdoc />
    public string Title => "Tenant isolation is at least the level the frameworks require";
    /// <inheritdoc />
    public string ConfigPath => "architecture.isolation";

    private static readonly string[] DatabaseTypes =
        ["aws:rds:Cluster", "aws:rds:Instance", "neon:index:Project", "postgresql:index:Database", "postgresql:index:Schema"];

    /// <summary>The least isolation <paramref name="frameworks"/> accept.</summary>
    public static IsolationLevel Required(IReadOnlyList<ComplianceFramework> frameworks) =>
        frameworks.Contains(ComplianceFramework.Hipaa) ? IsolationLevel.SchemaPerTenant : IsolationLevel.Rls;

    /// <inheritdoc />
    public CheckResult Run(CheckContext context)
    {
        var architecture = context.Config.Architecture;
        if (architecture.Tenancy == TenancyModel.SingleTenant)
            return new CheckResult(Id, CheckStatus.NotApplicable, "single-tenant: one deployment per customer", []);

        var required = Required(context.Applying);
        var active = context.Config.Tenants.Where(t => t.Status != TenantStatus.Deleted).ToList();
        var databases = context.Program.OfType(DatabaseTypes);
        var perTenant = active.Count > 0 && active.All(t => databases.Any(d => d.Name.Contains(t.Slug, StringComparison.OrdinalIgnoreCase)));
        var realized = perTenant ? IsolationLevel.DbPerTenant : architecture.Isolation ?? IsolationLevel.Rls;
        var satisfied = realized >= required;
        var expected = $"{Name(required)} or stricter";

        var evidence = new List<EvidenceItem>();
        if (!perTenant && active.Any(t => t.Isolation is not null))
        {
            // A tiered platform (tenants[].isolation): each tenant at its own level, in its own database or a shared one.
            var shared = databases.FirstOrDefault(d => !active.Any(t => d.Name.Contains(t.Slug, StringComparison.OrdinalIgnoreCase)));
            foreach (var t in active)
            {
                var own = databases.FirstOrDefault(d => d.Name.Contains(t.Slug, StringComparison.OrdinalIgnoreCase));
                var level = own is not null ? IsolationLevel.DbPerTenant : t.Isolation ?? architecture.Isolation ?? IsolationLevel.Rls;
                var at = own ?? shared;
                evidence.Add(new EvidenceItem(at?.Name ?? $"stack {context.Stack}", at?.ShortType ?? "(stack)",
                    own is not null ? $"(database of tenant {t.Slug})" : $"(tenant {t.Slug} in the shared database)", Name(level), level >= required, expected));
            }
            return CheckResult.From(Id, evidence, "no tenant data in this program");
        }
        if (perTenant)
            foreach (var t in active)
            {
                var db = databases.First(d => d.Name.Contains(t.Slug, StringComparison.OrdinalIgnoreCase));
                evidence.Add(new EvidenceItem(db.Name, db.ShortType, $"(database of tenant {t.Slug})", Name(realized), satisfied, expected));
            }
        else if (databases.Count > 0)
            evidence.AddRange(databases.Select(db => new EvidenceItem(db.Name, db.ShortType, "(shared by all tenants)", Name(realized), satisfied, expected)));
        else
            evidence.Add(new EvidenceItem($"stack {context.Stack}", "(stack)", "architecture.isolation", Name(realized), satisfied, expected));
        return CheckResult.From(Id, evidence, "no tenant data in this program");
    }

    /// <summary>The toolkit.yaml spelling of an isolation level.</summary>
    public static string Name(IsolationLevel level) => level switch
    {
        IsolationLevel.Rls => "rls",
        IsolationLevel.SchemaPerTenant => "schema-per-tenant",
        _ => "db-per-tenant",
    };
}
