using Toolkit.Stacks.Configuration;

namespace Toolkit.Tenants.Tests.Fixtures;

/// <summary>Everything a tenant leaves in the platform, as text with its slug replaced, so two tenants' states compare.</summary>
internal static class TenantState
{
    public static async Task<string> SnapshotAsync(TestPlatform platform, string slug)
    {
        var stem = "tenant_" + slug.Replace('-', '_');
        var lines = new List<string>();
        var config = ConfigLoader.Load(platform.ConfigPath);
        lines.Add("config: " + string.Join(";", config.Tenants.Where(t => t.Slug == slug).Select(t => $"{t.Id},{t.Name},{t.Subdomain},{t.Plan},{t.Status},{t.Isolation}")));
        var registry = await platform.ScalarAsync("SELECT to_regclass('toolkit.tenants')::text") is null ? [] :
            await platform.RowsAsync($"SELECT id, slug, isolation, role_name, schema_name, database_name FROM toolkit.tenants WHERE slug = '{slug}'");
        lines.Add("registry: " + string.Join(";", registry));
        lines.Add("role: " + string.Join(";", await platform.RowsAsync($"SELECT rolcanlogin, pg_has_role(oid, 'toolkit_app', 'MEMBER') FROM pg_roles WHERE rolname = '{stem}' AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'toolkit_app') UNION ALL SELECT rolcanlogin, false FROM pg_roles WHERE rolname = '{stem}' AND NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'toolkit_app')")));
        lines.Add("schema: " + string.Join(";", await platform.RowsAsync($"SELECT table_name FROM information_schema.tables WHERE table_schema = '{stem}' ORDER BY 1")));
        var db = await platform.CountAsync($"SELECT count(*) FROM pg_database WHERE datname = '{stem}'") == 1;
        lines.Add("database: " + (db ? string.Join(";", await platform.RowsAsync("SELECT table_name FROM information_schema.tables WHERE table_schema = 'app' ORDER BY 1", platform.Server.ConnectionString(stem))) : "none"));
        if (await platform.ScalarAsync("SELECT to_regclass('app.organizations')::text") is not null)
            lines.Add("rls rows: " + await platform.CountAsync($"SELECT count(*) FROM app.organizations WHERE tenant_id = '{slug}'"));
        var state = Path.Combine(platform.Directory, ".toolkit", "tenants", "onboarding", slug + ".json");
        lines.Add("state: " + (File.Exists(state) ? System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(state), "\"status\": \"([a-z]+)\"").Count + " steps" : "none"));
        // Names built from the slug (role, schema, database: tenant_<slug with _>) are normalized too.
        return string.Join("\n", lines).Replace(stem, "tenant_SLUG", StringComparison.Ordinal).Replace(slug, "SLUG", StringComparison.Ordinal);
    }

    /// <summary>The config text with the tenant's entry lines (which name the slug) normalized.</summary>
    public static string Config(TestPlatform platform, string slug) => platform.ConfigText().Replace(slug, "SLUG", StringComparison.Ordinal);
}
