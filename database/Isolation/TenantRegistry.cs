using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Database.Isolation;

/// <summary>A tenant's last fan-out result as the registry keeps it (<c>toolkit.tenant_runs</c>).</summary>
public sealed record TenantRun(string State, IReadOnlyList<string> Applied, string? Error, string? FailingScript, DateTimeOffset FinishedAt);

/// <summary>Reads and writes the registry in the admin database (schema <c>toolkit</c>).</summary>
public sealed class TenantRegistry(string adminConnectionString)
{
    /// <summary>The admin connection string.</summary>
    public string AdminConnectionString { get; } = adminConnectionString;

    /// <summary>Creates or updates the registry tables (journaled scripts) and the password key.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var result = await ScriptEngineBuilder.For(AdminConnectionString).WithScripts(IsolationSql.Registry)
            .WithJournal("toolkit").IgnoringForeignJournals().Build().MigrateAsync(cancellationToken);
        if (!result.Successful) throw new DiagnosticException(Diagnostic.Error("tenant-registry", "creating the tenant registry failed: " + result.Error));
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("INSERT INTO toolkit.settings (key, value) VALUES ('password_key', @key) ON CONFLICT (key) DO NOTHING", connection);
        command.Parameters.AddWithValue("key", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>True when the registry exists.</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT to_regclass('toolkit.tenants')::text", connection);
        return await command.ExecuteScalarAsync(cancellationToken) is string;
    }

    /// <summary>Every registered tenant, by id. Empty when there is no registry.</summary>
    public async Task<IReadOnlyList<RegisteredTenant>> ListAsync(CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(cancellationToken)) return [];
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT id, slug, isolation, role_name, schema_name, database_name FROM toolkit.tenants ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tenants = new List<RegisteredTenant>();
        while (await reader.ReadAsync(cancellationToken))
            tenants.Add(new RegisteredTenant(reader.GetString(0), reader.GetString(1), IsolationLevels.Parse(reader.GetString(2)),
                reader.GetString(3), reader.GetString(4), reader.GetString(5)));
        return tenants;
    }

    /// <summary>
    /// Every registered tenant, by id, and those whose recorded fingerprint equals <paramref name="fingerprint"/>:
    /// one query (a join with <c>toolkit.tenant_state</c>) for the fan-out's start, however many tenants there are.
    /// </summary>
    public async Task<(IReadOnlyList<RegisteredTenant> Tenants, IReadOnlySet<string> UpToDate)> ListWithStateAsync(string fingerprint, CancellationToken cancellationToken)
    {
        var tenants = new List<RegisteredTenant>();
        var upToDate = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(cancellationToken);
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('toolkit.tenants')::text", connection))
            if (await exists.ExecuteScalarAsync(cancellationToken) is not string) return (tenants, upToDate);
        await using var command = new NpgsqlCommand("""
            SELECT t.id, t.slug, t.isolation, t.role_name, t.schema_name, t.database_name, s.fingerprint IS NOT DISTINCT FROM @f AND s.tenant_id IS NOT NULL
            FROM toolkit.tenants t LEFT JOIN toolkit.tenant_state s ON s.tenant_id = t.id ORDER BY t.id
            """, connection);
        command.Parameters.AddWithValue("f", fingerprint);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tenants.Add(new RegisteredTenant(reader.GetString(0), reader.GetString(1), IsolationLevels.Parse(reader.GetString(2)),
                reader.GetString(3), reader.GetString(4), reader.GetString(5)));
            if (reader.GetBoolean(6)) upToDate.Add(tenants[^1].Id);
        }
        return (tenants, upToDate);
    }

    /// <summary>The tenant with <paramref name="id"/>; an error naming it when it is not registered.</summary>
    public async Task<RegisteredTenant> GetAsync(string id, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(t => t.Id == id)
        ?? throw new DiagnosticException(Diagnostic.Error("tenant-unknown", $"tenant '{id}' is not registered in this database: run 'toolkit db provision' or 'toolkit tenants add' first."));

    /// <summary>The password of a tenant's role: HMAC-SHA256 of the role name under the registry's key (never stored, never logged).</summary>
    public async Task<string> PasswordAsync(string role, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT value FROM toolkit.settings WHERE key = 'password_key'", connection);
        var key = (string?)await command.ExecuteScalarAsync(cancellationToken)
                  ?? throw new DiagnosticException(Diagnostic.Error("tenant-registry", "the registry has no password key: run 'toolkit db provision' first."));
        var mac = HMACSHA256.HashData(Convert.FromHexString(key), Encoding.UTF8.GetBytes(role));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Tenants whose recorded fingerprint equals <paramref name="fingerprint"/>: one query for every tenant.</summary>
    public async Task<IReadOnlySet<string>> UpToDateAsync(string fingerprint, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT tenant_id FROM toolkit.tenant_state WHERE fingerprint = @f", connection);
        command.Parameters.AddWithValue("f", fingerprint);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>Records (or, with null, forgets) the fingerprint of what a tenant has applied.</summary>
    public async Task SetStateAsync(IEnumerable<string> tenantIds, string? fingerprint, CancellationToken cancellationToken)
    {
        var ids = tenantIds.ToArray();
        if (ids.Length == 0) return;
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = fingerprint is null
            ? new NpgsqlCommand("DELETE FROM toolkit.tenant_state WHERE tenant_id = ANY(@ids)", connection)
            : new NpgsqlCommand("INSERT INTO toolkit.tenant_state (tenant_id, fingerprint, updated_at) SELECT unnest(@ids), @f, now() ON CONFLICT (tenant_id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, updated_at = now()", connection);
        command.Parameters.AddWithValue("ids", ids);
        if (fingerprint is not null) command.Parameters.AddWithValue("f", fingerprint);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Keeps <paramref name="outcomes"/> (by tenant id) as each tenant's last fan-out result, in one statement. A
    /// skipped tenant keeps an <c>applied</c> or <c>skipped</c> row as it was (when it last changed, or was first found up
    /// to date), so a no-op fan-out over tenants that have one writes no row; a skipped result replaces a failed or
    /// not-started one. With <paramref name="fingerprint"/> every registered tenant was skipped as up
    /// to date at it: the ids do not travel, the statement works from <c>toolkit.tenants</c> and <c>toolkit.tenant_state</c>
    /// (a tenant registered meanwhile, not yet at the fingerprint, is left out).
    /// </summary>
    public async Task RecordRunsAsync(IReadOnlyDictionary<string, FanOut.TenantRunOutcome> outcomes, CancellationToken cancellationToken, string? fingerprint = null)
    {
        if (fingerprint is not null)
        {
            await using var all = await OpenAsync(cancellationToken);
            await using var skip = new NpgsqlCommand("""
                INSERT INTO toolkit.tenant_runs (tenant_id, state, applied, error, failing_script, finished_at)
                SELECT t.id, 'skipped', '{}', NULL, NULL, now() FROM toolkit.tenants t
                WHERE (t.isolation = 'rls' OR EXISTS (SELECT 1 FROM toolkit.tenant_state s WHERE s.tenant_id = t.id AND s.fingerprint = @f))
                  AND NOT EXISTS (SELECT 1 FROM toolkit.tenant_runs r WHERE r.tenant_id = t.id AND r.state IN ('applied', 'skipped'))
                ON CONFLICT (tenant_id) DO UPDATE SET state = EXCLUDED.state, applied = EXCLUDED.applied, error = NULL, failing_script = NULL, finished_at = EXCLUDED.finished_at
                """, all);
            skip.Parameters.AddWithValue("f", fingerprint);
            await skip.ExecuteNonQueryAsync(cancellationToken);
            return;
        }
        if (outcomes.Count == 0) return;
        var ids = outcomes.Keys.Order(StringComparer.Ordinal).ToArray();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO toolkit.tenant_runs (tenant_id, state, applied, error, failing_script, finished_at)
            SELECT r.id, r.state, string_to_array(r.applied, E'\n'), r.error, r.script, now()
            FROM unnest(@ids, @states, @applied, @errors, @scripts) AS r(id, state, applied, error, script)
            WHERE EXISTS (SELECT 1 FROM toolkit.tenants t WHERE t.id = r.id)
            ON CONFLICT (tenant_id) DO UPDATE SET state = EXCLUDED.state, applied = EXCLUDED.applied, error = EXCLUDED.error,
                failing_script = EXCLUDED.failing_script, finished_at = EXCLUDED.finished_at
                WHERE EXCLUDED.state <> 'skipped' OR tenant_runs.state NOT IN ('applied', 'skipped')
            """, connection);
        command.Parameters.AddWithValue("ids", ids);
        command.Parameters.AddWithValue("states", ids.Select(i => Reports.FanOutReport.StateName(outcomes[i].State)).ToArray());
        command.Parameters.AddWithValue("applied", ids.Select(i => string.Join('\n', outcomes[i].Applied)).ToArray());
        command.Parameters.AddWithValue("errors", ids.Select(i => outcomes[i].Error).ToArray());
        command.Parameters.AddWithValue("scripts", ids.Select(i => outcomes[i].FailingScript).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Each tenant's last fan-out result (empty before the first fan-out, or on a registry older than the table).</summary>
    public async Task<IReadOnlyDictionary<string, TenantRun>> LastRunsAsync(CancellationToken cancellationToken)
    {
        var runs = new Dictionary<string, TenantRun>(StringComparer.Ordinal);
        if (!await ExistsAsync(cancellationToken)) return runs;
        await using var connection = await OpenAsync(cancellationToken);
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('toolkit.tenant_runs')::text", connection))
            if (await exists.ExecuteScalarAsync(cancellationToken) is not string) return runs;
        await using var command = new NpgsqlCommand("SELECT tenant_id, state, applied, error, failing_script, finished_at FROM toolkit.tenant_runs", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            runs[reader.GetString(0)] = new TenantRun(reader.GetString(1), reader.GetFieldValue<string[]>(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc)));
        return runs;
    }

    /// <summary>Removes a tenant's registry row (its state row goes with it).</summary>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM toolkit.tenants WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
