using System.Globalization;
using System.Text.Json.Nodes;
using Toolkit.Core.Layout;
using Toolkit.Database.Isolation;
using Toolkit.Database.Scripts;
using Toolkit.Tenants.Verification;

namespace Toolkit.Dashboard.Panels;

/// <summary>
/// Tenants from toolkit.yaml (status, plan, isolation, subdomain); the last isolation verification, overall and per
/// tenant (<c>.toolkit/tenants/verification.json</c>); and, with a connection, each tenant's database state: where it
/// lives, scripts applied and pending, its last fan-out result. Never a secret: names, counts and times only.
/// </summary>
public static class TenantsPanel
{
    public static async Task<JsonNode> BuildAsync(PlatformSnapshot snapshot, string? connection, IScriptProvider scripts, CancellationToken cancellationToken)
    {
        var (config, errors, _) = snapshot.Current();
        if (config is null) return Panel.Errors(errors);
        IReadOnlyDictionary<string, JsonObject>? database = null;
        string? databaseError = null;
        if (connection is not null)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                database = await TenantDatabase.ReadAsync(connection, scripts, timeout.Token);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or System.Net.Sockets.SocketException or OperationCanceledException or InvalidOperationException or TimeoutException)
            {
                databaseError = $"cannot read the tenant registry: {e.GetType().Name}: {e.Message}";
            }
        }
        var verifications = new IsolationVerifications(ToolkitDirectory.Beside(snapshot.ConfigPath).IsolationVerification).Read();
        var isolation = config.Architecture.Isolation is { } level ? IsolationLevels.Name(level) : "single-tenant";
        return new JsonObject
        {
            ["isolation"] = isolation,
            ["domain"] = config.Deployment.Domain,
            ["database"] = connection is null ? "not connected (start with --connection to see each tenant's database state)" : databaseError ?? "connected",
            ["verification"] = verifications?.Last is { } last ? new JsonObject
            {
                ["at"] = Time(last.At),
                ["scope"] = last.Scope,
                ["isolation"] = last.Isolation,
                ["tenants"] = last.Tenants.Count,
                ["attempts"] = last.Attempts,
                ["reads"] = last.Reads,
                ["writes"] = last.Writes,
                ["leaks"] = last.Leaks,
                ["leaked"] = new JsonArray(last.Leaked.Select(l => (JsonNode)JsonValue.Create(l)).ToArray()),
                ["status"] = last.Leaks == 0 ? "pass" : "fail",
            } : null,
            ["tenants"] = new JsonArray(config.Tenants.Select(t =>
            {
                var row = new JsonObject
                {
                    ["id"] = t.Id,
                    ["name"] = t.Name,
                    ["status"] = Panel.Kebab(t.Status.ToString()),
                    ["plan"] = t.Plan,
                    ["isolation"] = t.Isolation is { } own ? IsolationLevels.Name(own) : isolation,
                    ["subdomain"] = $"{t.Subdomain}.{config.Deployment.Domain}",
                    ["customDomain"] = t.CustomDomain,
                    ["maxUsers"] = t.Quotas.MaxUsers,
                    ["verification"] = verifications is not null && verifications.Tenants.TryGetValue(t.Id, out var v) ? new JsonObject
                    {
                        ["at"] = Time(v.At),
                        ["scope"] = v.Scope,
                        ["attempts"] = v.Attempts,
                        ["leaks"] = v.Leaks,
                        ["status"] = v.Leaks == 0 ? "pass" : "fail",
                    } : null,
                };
                if (database is not null)
                {
                    var state = database.TryGetValue(t.Id, out var s) ? s.DeepClone().AsObject() : null;
                    row["database"] = state;
                    row["databaseState"] = state is null ? "not provisioned (toolkit tenants onboard, or toolkit db provision)" : TenantDatabase.Summary(state);
                }
                return (JsonNode)row;
            }).ToArray()),
        };
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
