namespace Toolkit.Stacks.Configuration;

public static partial class ConfigChecks
{
    private sealed partial class CheckRun
    {
        public void Tenants()
        {
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            var slugs = new Dictionary<string, int>(StringComparer.Ordinal);
            var subdomains = new Dictionary<string, int>(StringComparer.Ordinal);
            var domains = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < config.Tenants.Count; i++)
            {
                var tenant = config.Tenants[i];
                var path = $"tenants[{i}]";
                Label(tenant.Id, $"{path}.id");
                Label(tenant.Slug, $"{path}.slug");
                Label(tenant.Subdomain, $"{path}.subdomain");
                if (tenant.CustomDomain is { } domain && !DnsName.IsHostName(domain))
                    Error(ConfigErrorCodes.NotDnsSafe, $"'{path}.customDomain' value '{domain}' is not a DNS name (lower-case labels joined by dots)", $"{path}.customDomain");
                if (string.IsNullOrWhiteSpace(tenant.Name) && config.Source.File.Length == 0)
                    Error(ConfigErrorCodes.MissingKey, $"'{path}.name' is required", $"{path}.name");
                Unique(ids, tenant.Id, i, "id");
                Unique(slugs, tenant.Slug, i, "slug");
                Unique(subdomains, tenant.Subdomain, i, "subdomain");
                if (tenant.CustomDomain is { } custom) Unique(domains, custom, i, "customDomain");
            }
        }

        public void Stacks()
        {
            foreach (var stack in config.Stacks)
            {
                var path = $"stacks.{stack.Name}";
                if (!DnsName.IsLabel(stack.Name))
                    Error(ConfigErrorCodes.NotDnsSafe, NotLabel(path, stack.Name).Replace("value", "stack name", StringComparison.Ordinal), path);
                if (stack.Regions is null) continue;
                if (stack.Regions.Count == 0)
                    Error(ConfigErrorCodes.MissingKey, $"'{path}.regions' must name at least one region, or be left out to use deployment.regions", $"{path}.regions");
                Regions(stack.Regions, $"{path}.regions");
            }
        }

        private void Label(string value, string path)
        {
            if (value.Length > 0 && !DnsName.IsLabel(value)) Error(ConfigErrorCodes.NotDnsSafe, NotLabel(path, value), path);
        }

        private void Unique(Dictionary<string, int> seen, string value, int index, string field)
        {
            if (value.Length == 0) return;
            if (seen.TryGetValue(value, out var first))
                Error(ConfigErrorCodes.DuplicateTenant,
                    $"duplicate tenant {field} '{value}': tenants[{index}] repeats tenants[{first}] (id '{config.Tenants[first].Id}')", $"tenants[{index}].{field}");
            else seen[value] = index;
        }
    }
}
