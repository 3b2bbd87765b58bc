using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;
using Toolkit.Database;
using Toolkit.Database.FanOut;
using Toolkit.Database.Isolation;
using Toolkit.Database.Scripts;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Dashboard.Panels;

/// <summary>
/// Each registered tenant's database state, read-only: where it lives, the scripts applied and pending against
/// the platform's scripts, and its last fan-out result (<c>toolkit.tenant_runs</c>). Tenants whose recorded
/// fingerprint equals the scripts' are up to date without reading their journal (one query for all, as the
/// fan-out does); the rls tenants share one journal, read once; other journals are read up to
/// <see cref="MaxJournalReads"/> per refresh, so a large platform stays cheap to look at.
/// </summary>
public static class TenantDatabase
{
    /// <summary>Journals read per refresh at most (beyond it a tenant says so).</summary>
    public const int MaxJournalReads = 200;

    /// <summary>The state of every registered tenant, by id.</summary>
    public static async Task<IReadOnlyDictionary<string, JsonObject>> ReadAsync(string connection, IScriptProvider scripts, CancellationToken cancellationToken)
    {
        var registry = new TenantRegistry(connection);
        var registered = await registry.ListAsync(cancellationToken);
        var states = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        if (registered.Count == 0) return states;
        var all = scripts.GetScripts();
        var upToDate = await registry.UpToDateAsync(TenantFanOut.Fingerprint(all), cancellationToken);
        var runs = await registry.LastRunsAsync(cancellationToken);
        var provisioner = new TenantProvisioner(connection, new InMemoryScriptProvider(all));
        JournalStatus? shared = null;
        var reads = 0;
        foreach (var t in registered)
        {
            var state = new JsonObject
            {
                ["isolation"] = IsolationLevels.Name(t.Isolation),
                ["place"] = t.Isolation switch
                {
                    IsolationLevel.Rls => "shared tables (rls)",
                    IsolationLevel.SchemaPerTenant => $"schema {t.Schema}",
                    _ => $"database {t.Database}",
                },
            };
            JournalStatus? status = null;
            if (upToDate.Contains(t.Id))
            {
                state["applied"] = all.Count;
                state["lastApplied"] = all.Count == 0 ? null : all.Select(s => s.Name).Max(StringComparer.Ordinal);
                state["pending"] = new JsonArray();
                state["changed"] = new JsonArray();
            }
            else if (t.Isolation == IsolationLevel.Rls) status = shared ??= await provisioner.Engine(t).Build().StatusAsync(cancellationToken);
            else if (reads++ < MaxJournalReads) status = await provisioner.Engine(t).Build().StatusAsync(cancellationToken);
            else state["note"] = $"journal not read: more than {MaxJournalReads} tenants are not known to be up to date";
            if (status is not null)
            {
                state["applied"] = status.Applied.Count;
                state["lastApplied"] = status.Applied.Count == 0 ? null : status.Applied.Select(a => a.Name).Max(StringComparer.Ordinal);
                state["pending"] = Strings(status.Pending);
                state["changed"] = Strings(status.Changed);
            }
            state["lastFanOut"] = runs.TryGetValue(t.Id, out var run) ? new JsonObject
            {
                ["state"] = run.State,
                ["applied"] = Strings(run.Applied),
                ["error"] = run.Error,
                ["failingScript"] = run.FailingScript,
                ["at"] = run.FinishedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            } : null;
            states[t.Id] = state;
        }
        return states;
    }

    /// <summary>One line for the tenants table: <c>schema tenant_acme: 4 applied, 1 pending (0005_x); last fan-out applied at ...</c>.</summary>
    public static string Summary(JsonObject state)
    {
        var text = $"{state["isolation"]}, {state["place"]}";
        if (state["note"] is { } note) return $"{text}: {note}";
        var pending = state["pending"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        text += $": {state["applied"]} applied, {pending.Count} pending" + (pending.Count > 0 ? $" ({string.Join(", ", pending)})" : "");
        if (state["changed"]!.AsArray().Count > 0) text += $", {state["changed"]!.AsArray().Count} changed since applied";
        if (state["lastFanOut"] is JsonObject run)
            text += $"; last fan-out {run["state"]} at {run["at"]}" + (run["error"] is { } error ? $": {error}" : "");
        else text += "; no fan-out yet";
        return text;
    }

    /// <summary>
    /// A fingerprint of what the panel reads from the database (registry, recorded fingerprints, fan-out
    /// results), so an open page redraws when the database changes; empty when it cannot be read.
    /// </summary>
    public static async Task<string> VersionAsync(string connection, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await using var c = new NpgsqlConnection(connection);
            await c.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand("""
                SELECT CASE WHEN to_regclass('toolkit.tenants') IS NULL THEN '' ELSE
                    (SELECT count(*) || '|' || coalesce(string_agg(id || isolation, ',' ORDER BY id), '') FROM toolkit.tenants) || '|' ||
                    (SELECT coalesce(max(updated_at)::text, '') || count(*) FROM toolkit.tenant_state) END
                """, c);
            var registry = (string?)await command.ExecuteScalarAsync(timeout.Token) ?? "";
            var runs = (await new TenantRegistry(connection).LastRunsAsync(timeout.Token)).Values.Select(r => r.FinishedAt.UtcTicks).DefaultIfEmpty().Max();
            return registry + "|" + runs.ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or System.Net.Sockets.SocketException or OperationCanceledException or InvalidOperationException or TimeoutException)
        {
            return "";
        }
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
