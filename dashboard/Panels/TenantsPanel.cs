using System.Text.Json.Nodes;
using Toolkit.Database.Isolation;

namespace Toolkit.Dashboard.Panels;

/// <summary>Tenants from toolkit.yaml (status, plan, isolation, subdomain) and, with a connection, whether each is registered in the database and how.</summary>
public static class TenantsPanel
{
    public static async Task<JsonNode> BuildAsync(PlatformSnapshot snapshot, string? connection, CancellationToken cancellationToken)
    {
        var (config, errors, _) = snapshot.Current();
        if (config is null) return Panel.Errors(errors);
        Dictionary<string, RegisteredTenant>? registered = null;
        string? databaseError = null;
        if (connection is not null)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                registered = (await new TenantRegistry(connection).ListAsync(timeout.Token)).ToDictionary(t => t.Id, StringComparer.Ordinal);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or System.Net.Sockets.SocketException or OperationCanceledException or InvalidOperationException or TimeoutException)
            {
                databaseError = $"cannot read the tenant registry: {e.GetType().Name}: {e.Message}";
            }
        }
        var isolation = config.Architecture.Isolation is { } level ? Panel.Kebab(level.ToString()) : "single-tenant";
        return new JsonObject
        {
            ["isolation"] = isolation,
            ["domain"] = config.Deployment.Domain,
            ["database"] = connection is null ? "not connected (start with --connection to see each tenant's database state)" : databaseError ?? "connected",
            ["tenants"] = new JsonArray(config.Tenants.Select(t =>
            {
                var row = new JsonObject
                {
                    ["id"] = t.Id,
                    ["name"] = t.Name,
                    ["status"] = Panel.Kebab(t.Status.ToString()),
                    ["plan"] = t.Plan,
                    ["subdomain"] = $"{t.Subdomain}.{config.Deployment.Domain}",
                    ["customDomain"] = t.CustomDomain,
                    ["maxUsers"] = t.Quotas.MaxUsers,
                };
                if (registered is not null)
                    row["databaseState"] = registered.TryGetValue(t.Id, out var r)
                        ? $"registered ({Panel.Kebab(r.Isolation.ToString())}; schema {r.Schema}, database {r.Database})"
                        : "not provisioned (toolkit tenants provision)";
                return (JsonNode)row;
            }).ToArray()),
        };
    }
}
