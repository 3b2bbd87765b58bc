using System.Globalization;
using Toolkit.Stacks.Catalogue;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Stacks.Rules;

/// <summary>A fact's value: its members (one for scalar facts), a number (the value, or the set's size) and where it is in the file.</summary>
public sealed record FactValue(IReadOnlyList<string> Items, double Number, string Path)
{
    /// <summary>How the value reads in a message.</summary>
    public string Display => Items.Count == 0 ? "none" : string.Join(", ", Items);
}

/// <summary>
/// The facts rules test, computed once from a config: the option per technology category, tenancy,
/// isolation, pattern, frameworks, counts, and derived region sets (outside residency, prohibited,
/// outside GDPR adequacy) over every region any stack deploys to.
/// </summary>
public sealed class ConfigFacts
{
    private readonly Dictionary<string, FactValue> _facts = new(StringComparer.Ordinal);

    /// <summary>Names of facts that are not technology categories.</summary>
    public static readonly IReadOnlyList<string> DerivedFactNames =
    [
        "tenancy", "isolation", "pattern", "frameworks", "tenantCount", "regionCount", "regions", "primaryRegion", "secondaryRegions",
        "allowedRegions", "regionsOutsideResidency", "regionsProhibited", "regionsOutsideGdprAdequacy", "encryptionAtRest",
        "encryptionInTransit", "customerManagedKeys", "minimumTlsVersion", "auditLogEnabled", "auditLogRetentionDays", "backupRetentionDays",
    ];

    /// <summary>Computes the facts of <paramref name="config"/>.</summary>
    public ConfigFacts(ToolkitConfig config, TechnologyCatalogue catalogue)
    {
        foreach (var category in catalogue.Categories)
        {
            var chosen = config.Technologies[category.Id] ?? category.Default;
            Text(category.Id, chosen, $"technologies.{category.Id}");
        }
        var architecture = config.Architecture;
        Text("tenancy", Words.Of(architecture.Tenancy), "architecture.tenancy");
        Text("isolation", architecture.Isolation is { } i ? Words.Of(i) : TechnologyCatalogue.None, "architecture.isolation");
        Text("pattern", Words.Of(config.Deployment.Pattern), "deployment.pattern");
        Set("frameworks", config.Compliance.Frameworks.Select(Words.Of).ToList(), "compliance.frameworks");
        Number("tenantCount", config.Tenants.Count, "tenants");

        var regions = config.Deployment.Regions;
        Number("regionCount", regions.Count, "deployment.regions");
        Text("primaryRegion", regions.Count > 0 ? regions[0] : "", "deployment.regions[0]");
        Set("secondaryRegions", regions.Skip(1).ToList(), "deployment.regions[1]");

        // Residency is about every region anything deploys to: top-level and per-stack overrides.
        var deployed = DeployedRegions(config);
        Set("regions", deployed.Select(d => d.Region).ToList(), "deployment.regions");
        var residency = config.Compliance.DataResidency;
        Set("allowedRegions", residency.AllowedRegions, "compliance.dataResidency.allowedRegions");
        Derived("regionsOutsideResidency", deployed, r => residency.AllowedRegions.Count > 0 && !residency.AllowedRegions.Contains(r));
        Derived("regionsProhibited", deployed, r => residency.ProhibitedRegions.Contains(r));
        Derived("regionsOutsideGdprAdequacy", deployed, r => catalogue.Region(r) is { GdprAdequate: false });

        var encryption = config.Compliance.Encryption;
        Flag("encryptionAtRest", encryption.AtRest, "compliance.encryption.atRest");
        Flag("encryptionInTransit", encryption.InTransit, "compliance.encryption.inTransit");
        Flag("customerManagedKeys", encryption.CustomerManagedKeys, "compliance.encryption.customerManagedKeys");
        Text("minimumTlsVersion", encryption.MinimumTlsVersion, "compliance.encryption.minimumTlsVersion");
        Flag("auditLogEnabled", config.Compliance.AuditLog.Enabled, "compliance.auditLog.enabled");
        Number("auditLogRetentionDays", config.Compliance.AuditLog.RetentionDays, "compliance.auditLog.retentionDays");
        Number("backupRetentionDays", config.Compliance.BackupRetentionDays, "compliance.backupRetentionDays");
    }

    /// <summary>The fact <paramref name="name"/>.</summary>
    public FactValue this[string name] => _facts[name];

    /// <summary>Whether a fact of that name exists.</summary>
    public bool Has(string name) => _facts.ContainsKey(name);

    private void Text(string name, string value, string path) => _facts[name] = new FactValue([value], 1, path);

    private void Flag(string name, bool value, string path) => _facts[name] = new FactValue([value ? "true" : "false"], value ? 1 : 0, path);

    private void Number(string name, double value, string path) =>
        _facts[name] = new FactValue([value.ToString(CultureInfo.InvariantCulture)], value, path);

    private void Set(string name, IReadOnlyList<string> items, string path) => _facts[name] = new FactValue(items, items.Count, path);

    private void Derived(string name, IReadOnlyList<(string Region, string Path)> deployed, Func<string, bool> matches)
    {
        var hits = deployed.Where(d => matches(d.Region)).ToList();
        _facts[name] = new FactValue(hits.Select(h => h.Region).ToList(), hits.Count, hits.Count > 0 ? hits[0].Path : "deployment.regions");
    }

    private static List<(string Region, string Path)> DeployedRegions(ToolkitConfig config)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<(string, string)>();
        void Add(IReadOnlyList<string> regions, string path)
        {
            for (var i = 0; i < regions.Count; i++)
                if (seen.Add(regions[i])) result.Add((regions[i], $"{path}[{i}]"));
        }
        Add(config.Deployment.Regions, "deployment.regions");
        foreach (var stack in config.Stacks)
            if (stack.Regions is { } regions) Add(regions, $"stacks.{stack.Name}.regions");
        return result;
    }
}
