using YamlDotNet.RepresentationModel;

namespace Toolkit.Stacks.Configuration.Yaml;

internal sealed partial class ConfigParser
{
    public static readonly string[] TenantKeys = ["id", "name", "slug", "subdomain", "customDomain", "status", "plan", "quotas", "isolation"];
    public static readonly string[] QuotaKeys = ["maxUsers", "maxStorageGb", "maxApiCallsPerMonth"];
    public static readonly string[] StackKeys = ["regions", "instances", "databaseInstanceClass", "deletionProtection", "image"];

    public static readonly IReadOnlyDictionary<string, TenantStatus> Statuses = new Dictionary<string, TenantStatus>
    {
        ["active"] = TenantStatus.Active, ["suspended"] = TenantStatus.Suspended, ["deleted"] = TenantStatus.Deleted,
    };

    private List<TenantConfig> ReadTenants(MappingReader top) =>
        top.List("tenants", (node, path) =>
        {
            var tenant = MappingReader.Open(context, node, path, TenantKeys);
            if (tenant is null)
            {
                if (ReadContext.IsNull(node)) context.Error(ConfigErrorCodes.InvalidValue, $"'{path}' is empty; a tenant needs id, name, slug and subdomain", node, path);
                // Keep a blank in its place so later tenants keep their indexes (and their source locations).
                return new TenantConfig { Id = "", Name = "", Slug = "", Subdomain = "" };
            }
            var defaults = new TenantQuotas();
            var quotas = tenant.Mapping("quotas", QuotaKeys);
            return new TenantConfig
            {
                Id = tenant.Text("id", required: true)!,
                Name = tenant.Text("name", required: true)!,
                Slug = tenant.Text("slug", required: true)!,
                Subdomain = tenant.Text("subdomain", required: true)!,
                CustomDomain = tenant.Text("customDomain"),
                Status = tenant.Choice("status", Statuses) ?? TenantStatus.Active,
                Plan = tenant.Text("plan", "starter"),
                Isolation = tenant.Choice("isolation", Isolations),
                Quotas = quotas is null ? defaults : new TenantQuotas(
                    quotas.Integer("maxUsers", defaults.MaxUsers, 1, 10_000_000),
                    quotas.Integer("maxStorageGb", defaults.MaxStorageGb, 1, 1_000_000),
                    quotas.Long("maxApiCallsPerMonth", defaults.MaxApiCallsPerMonth, 1, 1_000_000_000_000)),
            };
        }) ?? [];

    private List<StackConfig> ReadStacks(MappingReader top)
    {
        var stacks = new List<StackConfig>();
        var section = top.Mapping("stacks", keys: null);
        if (section is null) return stacks;
        foreach (var (name, _, value, path) in section.Entries())
        {
            var defaults = new StackConfig { Name = name };
            if (ReadContext.IsNull(value))
            {
                stacks.Add(defaults); // `dev:` with no overrides
                continue;
            }
            var stack = MappingReader.Open(context, value, path, StackKeys);
            if (stack is null) continue;
            stacks.Add(defaults with
            {
                Regions = stack.Texts("regions"),
                Instances = stack.Integer("instances", defaults.Instances, 1, 1000),
                DatabaseInstanceClass = stack.Text("databaseInstanceClass", defaults.DatabaseInstanceClass),
                DeletionProtection = stack.Boolean("deletionProtection", defaults.DeletionProtection),
                Image = stack.Text("image", defaults.Image),
            });
        }
        return stacks;
    }
}
