using Toolkit.Core.Diagnostics;
using Toolkit.Core.Layout;
using Toolkit.Core.Output;
using Toolkit.Database.Baseline;
using Toolkit.Database.Engines;
using Toolkit.Database.Isolation;
using Toolkit.Database.Scripts;
using Toolkit.Stacks.Configuration;
using Toolkit.Tenants.Verification;

namespace Toolkit.Tenants.Platform;

/// <summary>
/// One platform the lifecycle verbs act on: its <c>toolkit.yaml</c> (read, and edited in place), the admin
/// PostgreSQL connection holding the tenant registry, and the scripts every tenant gets (the baseline
/// unless given). Lookups fail with errors located in the config.
/// </summary>
public sealed class TenantPlatform
{
    private TenantPlatform(string configPath, string adminConnectionString, IScriptProvider scripts)
    {
        ConfigPath = configPath;
        AdminConnectionString = adminConnectionString;
        Scripts = scripts;
        Provisioner = new TenantProvisioner(adminConnectionString, scripts);
        Registry = Provisioner.Registry;
        Paths = ToolkitDirectory.Beside(configPath);
        Verifications = new IsolationVerifications(Paths.IsolationVerification);
    }

    /// <summary>The config file.</summary>
    public string ConfigPath { get; }

    /// <summary>The admin connection string.</summary>
    public string AdminConnectionString { get; }

    /// <summary>The scripts a tenant's place is built with.</summary>
    public IScriptProvider Scripts { get; }

    /// <summary>Builds and removes tenants' places, each at its own level.</summary>
    public TenantProvisioner Provisioner { get; }

    /// <summary>The registry in the admin database.</summary>
    public TenantRegistry Registry { get; }

    /// <summary>Where state, backups and erasure records go.</summary>
    public ToolkitDirectory Paths { get; }

    /// <summary>The last isolation verifications, kept under <c>.toolkit/tenants/</c>.</summary>
    public IsolationVerifications Verifications { get; }

    /// <summary>Opens a platform; a SQLite or malformed connection is an error before anything runs.</summary>
    public static TenantPlatform Open(string configPath, string adminConnectionString, IScriptProvider? scripts = null)
    {
        if (DatabaseEngines.IsSqlite(adminConnectionString))
            throw new DiagnosticException(Diagnostic.Error("tenant-engine", "tenant isolation needs PostgreSQL: pass a PostgreSQL --connection."));
        DatabaseEngines.FromConnectionString(adminConnectionString);
        return new TenantPlatform(configPath, adminConnectionString, scripts ?? BaselineScripts.For("postgresql"));
    }

    private (string Text, ToolkitConfig Config)? _parsed;

    /// <summary>The config, parsed and checked (errors located in the file); parsed again only when its text changed.</summary>
    public ToolkitConfig Config()
    {
        if (_parsed is { } last && File.Exists(ConfigPath) && File.ReadAllText(ConfigPath) == last.Text) return last.Config;
        var config = ConfigLoader.Load(ConfigPath);
        _parsed = (File.ReadAllText(ConfigPath), config);
        return config;
    }

    /// <summary>The config's text.</summary>
    public string ConfigText() => File.ReadAllText(ConfigPath);

    /// <summary>Writes <paramref name="text"/> as the config after checking it parses; nothing is written otherwise.</summary>
    public void SaveConfig(string text)
    {
        var config = ConfigLoader.Parse(text, ConfigPath);
        AtomicFile.WriteAllText(ConfigPath, text);
        // The check above is the parse the next step would do: keep it (a 1,000-tenant config costs one parse, not two).
        _parsed = (text, config);
    }

    /// <summary>The tenant with slug (or id) <paramref name="slug"/>; an error located at the config's tenants otherwise.</summary>
    public TenantConfig Tenant(ToolkitConfig config, string slug) =>
        config.Tenants.FirstOrDefault(t => t.Slug == slug) ?? config.Tenants.FirstOrDefault(t => t.Id == slug)
        ?? throw new DiagnosticException(Diagnostic.Error("tenant-unknown",
            $"tenant '{slug}' is not in the config's tenants ({config.Tenants.Count} listed{Known(config)})", TenantsLocation(config)));

    /// <summary>Where the config lists its tenants (or its first line).</summary>
    public SourceLocation TenantsLocation(ToolkitConfig config) => config.Source.Find("tenants") ?? new SourceLocation(ConfigPath, 1, 1);

    /// <summary>Where tenant <paramref name="index"/> of the config is.</summary>
    public SourceLocation TenantLocation(ToolkitConfig config, int index, string key = "") =>
        config.Source.Find(key.Length == 0 ? $"tenants[{index}]" : $"tenants[{index}].{key}") ?? config.Source.Find($"tenants[{index}]") ?? TenantsLocation(config);

    /// <summary>The isolation level of <paramref name="tenant"/>: its override, else the platform's.</summary>
    public IsolationLevel IsolationOf(ToolkitConfig config, TenantConfig tenant) =>
        TenantProvisioner.LevelOf(config, tenant, new SourceLocation(ConfigPath, 1, 1));

    /// <summary>The registry entry of tenant <paramref name="id"/>, or null when it has none (not provisioned, or offboarded).</summary>
    public async Task<RegisteredTenant?> RegisteredAsync(string id, CancellationToken cancellationToken) =>
        (await Registry.ListAsync(cancellationToken)).FirstOrDefault(t => t.Id == id);

    private static string Known(ToolkitConfig config) =>
        config.Tenants.Count is > 0 and <= 8 ? ": " + string.Join(", ", config.Tenants.Select(t => t.Slug)) : "";
}
