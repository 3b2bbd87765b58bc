using Npgsql;
using Toolkit.Core.Diagnostics;
using Toolkit.Database.Engines.Postgres;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Database.Isolation;

/// <summary>One attempt by one tenant on another tenant's rows, and what happened.</summary>
public sealed record AttackOutcome(string Attacker, string Victim, string Vector, bool IsWrite, bool Leaked, string Detail);

/// <summary>Attempts and leaks per isolation level.</summary>
public sealed record AttackReport(IsolationLevel Isolation, IReadOnlyList<AttackOutcome> Outcomes)
{
    /// <summary>Every attempt made.</summary>
    public int Attempts => Outcomes.Count;

    /// <summary>Reads attempted.</summary>
    public int Reads => Outcomes.Count(o => !o.IsWrite);

    /// <summary>Writes attempted.</summary>
    public int Writes => Outcomes.Count(o => o.IsWrite);

    /// <summary>Attempts that saw or changed another tenant's rows.</summary>
    public int Leaks => Outcomes.Count(o => o.Leaked);

    /// <summary>One line: <c>rls: 34 attempts (20 reads, 14 writes), 0 leaks</c>.</summary>
    public string Summary => $"{IsolationLevels.Name(Isolation)}: {Attempts} attempts ({Reads} reads, {Writes} writes), {Leaks} leaks";
}

/// <summary>
/// The isolation attack matrix <c>toolkit tenants verify</c> runs against a live database. Each tenant, over
/// its own real connection (its role and password), attacks the next tenant's marker row: select, insert,
/// update and delete through table names, <c>search_path</c>, <c>SET</c> and <c>set_config</c> of the tenant
/// setting, <c>RESET ROLE</c> and <c>SET ROLE</c>, and functions (<c>query_to_xml</c>, a SECURITY DEFINER
/// function). A read leaks when it returns the victim's row; a write leaks when it changes a row or creates
/// the function. Each attempt runs in a transaction that is rolled back. One marker row per tenant is
/// inserted by the admin in <c>organizations</c> and deleted afterwards.
/// </summary>
public sealed class AttackMatrix(string adminConnectionString)
{
    private const string MarkerSlug = "toolkit-verify-marker";

    /// <summary>Runs the matrix over every registered tenant (at least two).</summary>
    public async Task<AttackReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var registry = new TenantRegistry(adminConnectionString);
        var tenants = await registry.ListAsync(cancellationToken);
        if (tenants.Count < 2)
            throw new DiagnosticException(Diagnostic.Error("tenant-verify", $"the attack matrix needs at least two registered tenants; this database has {tenants.Count}."));
        var outcomes = new List<AttackOutcome>();
        await SetMarkersAsync(tenants, insert: true, cancellationToken);
        try
        {
            for (var i = 0; i < tenants.Count; i++)
            {
                var attacker = tenants[i];
                var victim = tenants[(i + 1) % tenants.Count];
                var connection = await TenantConnections.ForAsync(registry, attacker, includePassword: true, cancellationToken);
                await ControlAsync(attacker, connection, cancellationToken);
                foreach (var attack in Attacks(attacker, victim))
                    outcomes.Add(await TryAsync(attacker, victim, connection, attack, cancellationToken));
                if (attacker.Isolation == IsolationLevel.DbPerTenant)
                    outcomes.Add(await TryConnectAsync(attacker, victim, connection, cancellationToken));
            }
            outcomes.AddRange(await VictimsIntactAsync(tenants, cancellationToken));
        }
        finally
        {
            await SetMarkersAsync(tenants, insert: false, CancellationToken.None);
        }
        return new AttackReport(tenants[0].Isolation, outcomes);
    }

    private sealed record Attack(string Vector, bool IsWrite, string[] Setup, string Measure);

    private static IEnumerable<Attack> Attacks(RegisteredTenant a, RegisteredTenant b)
    {
        var table = b.Isolation switch
        {
            IsolationLevel.Rls => "app.organizations",
            IsolationLevel.SchemaPerTenant => $"{Q(b.Schema)}.organizations",
            _ => $"{Q(b.Database)}.app.organizations",
        };
        // Under db-per-tenant the victim's database name is tried as a schema: there is no way to name another database.
        var schema = b.Isolation == IsolationLevel.Rls ? "app" : b.Isolation == IsolationLevel.SchemaPerTenant ? b.Schema : b.Database;
        var where = $"tenant_id = {L(b.Id)} AND slug = {L(MarkerSlug)}";
        var bareWhere = $"slug = {L(MarkerSlug)} AND tenant_id = {L(b.Id)}";
        var setTenant = $"SET LOCAL app.tenant_id = {L(b.Id)}";
        var setConfig = $"SELECT set_config('app.tenant_id', {L(b.Id)}, true)";
        var searchPath = $"SET LOCAL search_path = {Q(schema)}";
        var setRole = $"SET ROLE {Q(b.Role)}";
        var routes = new (string Name, string[] Setup, string Table)[]
        {
            ("table name", [], table),
            ("search_path", [searchPath], "organizations"),
            ("SET tenant setting", [setTenant], table),
            ("set_config()", [setConfig], table),
            ("RESET ROLE", ["RESET ROLE", setTenant], table),
            ("SET ROLE victim", [setRole], table),
        };
        foreach (var (name, setup, t) in routes)
        {
            var filter = t == "organizations" ? bareWhere : where;
            yield return new Attack($"select via {name}", false, setup, $"SELECT count(*) FROM {t} WHERE {filter}");
            yield return new Attack($"insert via {name}", true, setup, $"INSERT INTO {t} (tenant_id, name, slug) VALUES ({L(b.Id)}, 'attack', 'toolkit-attack')");
            yield return new Attack($"update via {name}", true, setup, $"UPDATE {t} SET name = 'attacked' WHERE {filter}");
            yield return new Attack($"delete via {name}", true, setup, $"DELETE FROM {t} WHERE {filter}");
        }
        var xml = $"SELECT count(*) FROM {table} WHERE {where}";
        yield return new Attack("select via query_to_xml()", false, [setTenant],
            $"SELECT (length(x) - length(replace(x, '<row>', ''))) / 5 FROM (SELECT query_to_xml({L(xml.Replace("count(*)", "1"))}, true, false, '')::text AS x) s");
        var ownSchema = a.Isolation == IsolationLevel.SchemaPerTenant ? a.Schema : "app";
        yield return new Attack("create SECURITY DEFINER function", true, [],
            $"CREATE FUNCTION {Q(ownSchema)}.toolkit_peek() RETURNS bigint LANGUAGE sql SECURITY DEFINER AS $f$ SELECT count(*) FROM {table} $f$");
        yield return new Attack("create function in public", true, [],
            $"CREATE FUNCTION public.toolkit_peek() RETURNS bigint LANGUAGE sql SECURITY DEFINER AS $f$ SELECT count(*) FROM {table} $f$");
    }

    private static async Task<AttackOutcome> TryAsync(RegisteredTenant a, RegisteredTenant b, string connectionString, Attack attack, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var setup in attack.Setup)
                await using (var s = new NpgsqlCommand(setup, connection, transaction)) await s.ExecuteNonQueryAsync(cancellationToken);
            await using var command = new NpgsqlCommand(attack.Measure, connection, transaction);
            if (attack.IsWrite)
            {
                var rows = await command.ExecuteNonQueryAsync(cancellationToken);
                var created = attack.Measure.StartsWith("CREATE", StringComparison.Ordinal);
                var leaked = created || rows > 0;
                return new AttackOutcome(a.Id, b.Id, attack.Vector, true, leaked, leaked ? $"succeeded ({rows} rows)" : "refused (0 rows)");
            }
            var count = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return new AttackOutcome(a.Id, b.Id, attack.Vector, false, count > 0, count > 0 ? $"read {count} of the victim's rows" : "0 rows");
        }
        catch (PostgresException e)
        {
            return new AttackOutcome(a.Id, b.Id, attack.Vector, attack.IsWrite, false, $"refused: {e.SqlState} {e.MessageText}");
        }
        finally
        {
            try { await transaction.RollbackAsync(CancellationToken.None); } catch (NpgsqlException) { }
        }
    }

    private static async Task<AttackOutcome> TryConnectAsync(RegisteredTenant a, RegisteredTenant b, string connectionString, CancellationToken cancellationToken)
    {
        var other = new NpgsqlConnectionStringBuilder(connectionString) { Database = b.Database, Pooling = false }.ConnectionString;
        try
        {
            await using var connection = new NpgsqlConnection(other);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM app.organizations WHERE slug = {L(MarkerSlug)}", connection);
            var count = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return new AttackOutcome(a.Id, b.Id, "connect to victim's database", false, true, $"connected; read {count} rows");
        }
        catch (PostgresException e)
        {
            return new AttackOutcome(a.Id, b.Id, "connect to victim's database", false, false, $"refused: {e.SqlState} {e.MessageText}");
        }
    }

    /// <summary>The attacker must see its own marker through its connection, or the matrix proves nothing.</summary>
    private static async Task ControlAsync(RegisteredTenant a, string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM organizations WHERE slug = {L(MarkerSlug)}", connection);
        var own = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (own != 1)
            throw new DiagnosticException(Diagnostic.Error("tenant-verify", $"tenant '{a.Id}' cannot read its own marker row through its own connection ({own} rows), so the matrix would prove nothing."));
    }

    private async Task<IEnumerable<AttackOutcome>> VictimsIntactAsync(IReadOnlyList<RegisteredTenant> tenants, CancellationToken cancellationToken)
    {
        var outcomes = new List<AttackOutcome>();
        foreach (var t in tenants)
        {
            var (target, schema) = t.AdminTarget(adminConnectionString);
            await using var connection = new NpgsqlConnection(target);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                $"SELECT count(*) FROM {Q(schema)}.organizations WHERE tenant_id = {L(t.Id)} AND ((slug = {L(MarkerSlug)} AND name = 'marker') OR slug = 'toolkit-attack')", connection);
            var count = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            if (count != 1) outcomes.Add(new AttackOutcome("?", t.Id, "victim row check after attacks", true, true, $"expected the untouched marker only, found {count} rows"));
        }
        return outcomes;
    }

    private async Task SetMarkersAsync(IReadOnlyList<RegisteredTenant> tenants, bool insert, CancellationToken cancellationToken)
    {
        foreach (var t in tenants)
        {
            var (target, schema) = t.AdminTarget(adminConnectionString);
            await using var connection = new NpgsqlConnection(target);
            await connection.OpenAsync(cancellationToken);
            var table = $"{Q(schema)}.organizations";
            var sql = $"DELETE FROM {table} WHERE tenant_id = {L(t.Id)} AND slug IN ({L(MarkerSlug)}, 'toolkit-attack')" +
                      (insert ? $"; INSERT INTO {table} (tenant_id, name, slug) VALUES ({L(t.Id)}, 'marker', {L(MarkerSlug)})" : "");
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string Q(string identifier) => PostgresQuoting.Identifier(identifier);

    private static string L(string literal) => PostgresQuoting.Literal(literal);
}
