using Npgsql;
using Toolkit.Core.Diagnostics;
using Toolkit.Database.Engines.Postgres;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Database.Isolation;

/// <summary>One attempt by one tenant on another tenant's rows, and what happened.</summary>
public sealed record AttackOutcome(string Attacker, string Victim, string Vector, bool IsWrite, bool Leaked, string Detail);

/// <summary>Attempts and leaks of one run of the matrix, over tenants of one or more isolation levels.</summary>
public sealed record AttackReport(IReadOnlyList<IsolationLevel> Levels, IReadOnlyList<string> Tenants, IReadOnlyList<AttackOutcome> Outcomes)
{
    /// <summary>Every attempt made.</summary>
    public int Attempts => Outcomes.Count;

    /// <summary>Reads attempted.</summary>
    public int Reads => Outcomes.Count(o => !o.IsWrite);

    /// <summary>Writes attempted.</summary>
    public int Writes => Outcomes.Count(o => o.IsWrite);

    /// <summary>Attempts that saw or changed another tenant's rows.</summary>
    public int Leaks => Outcomes.Count(o => o.Leaked);

    /// <summary>The levels as one word: <c>rls</c>, or <c>rls+db-per-tenant</c> on a mixed platform.</summary>
    public string Isolation => string.Join('+', Levels.Select(IsolationLevels.Name));

    /// <summary>One line: <c>rls: 34 attempts (20 reads, 14 writes), 0 leaks</c>.</summary>
    public string Summary => $"{Isolation}: {Attempts} attempts ({Reads} reads, {Writes} writes), {Leaks} leaks";
}

/// <summary>
/// The isolation attack matrix <c>toolkit tenants verify</c> runs against a live database, each tenant at its
/// own level (a platform may mix pooled rls or schema tenants with silo db-per-tenant tenants). Each attacker,
/// over its own real connection (its role and password), attacks a victim's marker row: select, insert,
/// update and delete through table names, <c>search_path</c>, <c>SET</c> and <c>set_config</c> of the tenant
/// setting, <c>RESET ROLE</c> and <c>SET ROLE</c>, and functions (<c>query_to_xml</c>, a SECURITY DEFINER
/// function). When the victim lives in another database, the attacker first tries to connect there: a
/// victim's own database must refuse it (a leak otherwise); the shared database accepts every tenant role,
/// so the attacks run there, where the victim's rows are. A read leaks when it returns the victim's row; a
/// write leaks when it changes a row or creates the function. Each attempt runs in a transaction that is
/// rolled back, on one connection per attacker and database. One marker row per tenant involved is inserted
/// by the admin in <c>organizations</c> and deleted afterwards.
/// </summary>
public sealed class AttackMatrix(string adminConnectionString)
{
    private const string MarkerSlug = "toolkit-verify-marker";

    /// <summary>Runs the matrix over every registered tenant (at least two): each attacks the next, in id order, around the ring.</summary>
    public async Task<AttackReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var registry = new TenantRegistry(adminConnectionString);
        var tenants = await registry.ListAsync(cancellationToken);
        if (tenants.Count < 2)
            throw new DiagnosticException(Diagnostic.Error("tenant-verify", $"the attack matrix needs at least two registered tenants; this database has {tenants.Count}."));
        return await RunPairsAsync(registry, tenants, tenants.Select((t, i) => (t, tenants[(i + 1) % tenants.Count])).ToList(), cancellationToken);
    }

    /// <summary>
    /// The matrix for one tenant, at a cost that does not grow with the platform: it attacks, and is attacked
    /// by, one neighbour of each isolation level present (the first by id). With no other tenant it makes only
    /// the control read of its own marker.
    /// </summary>
    public async Task<AttackReport> RunForAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var registry = new TenantRegistry(adminConnectionString);
        var all = await registry.ListAsync(cancellationToken);
        var tenant = all.FirstOrDefault(t => t.Id == tenantId)
            ?? throw new DiagnosticException(Diagnostic.Error("tenant-unknown", $"tenant '{tenantId}' is not registered in this database."));
        var neighbours = all.Where(t => t.Id != tenant.Id).GroupBy(t => t.Isolation).OrderBy(g => g.Key).Select(g => g.First()).ToList();
        var pairs = neighbours.SelectMany(n => new[] { (tenant, n), (n, tenant) }).ToList();
        return await RunPairsAsync(registry, [tenant, .. neighbours], pairs, cancellationToken);
    }

    private async Task<AttackReport> RunPairsAsync(TenantRegistry registry, IReadOnlyList<RegisteredTenant> tenants,
        IReadOnlyList<(RegisteredTenant Attacker, RegisteredTenant Victim)> pairs, CancellationToken cancellationToken)
    {
        var outcomes = new List<AttackOutcome>();
        var connections = new Dictionary<string, string>(StringComparer.Ordinal);
        await SetMarkersAsync(tenants, insert: true, cancellationToken);
        try
        {
            foreach (var t in tenants)
            {
                connections[t.Id] = new NpgsqlConnectionStringBuilder(await TenantConnections.ForAsync(registry, t, includePassword: true, cancellationToken)) { Pooling = false }.ConnectionString;
                await ControlAsync(t, connections[t.Id], cancellationToken);
            }
            foreach (var (attacker, victim) in pairs)
                outcomes.AddRange(await AttackAsync(attacker, victim, connections[attacker.Id], cancellationToken));
            outcomes.AddRange(await VictimsIntactAsync(tenants, cancellationToken));
        }
        finally
        {
            await SetMarkersAsync(tenants, insert: false, CancellationToken.None);
        }
        return new AttackReport(tenants.Select(t => t.Isolation).Distinct().Order().ToList(), tenants.Select(t => t.Id).Order(StringComparer.Ordinal).ToList(), outcomes);
    }

    /// <summary>Every attack of <paramref name="a"/> on <paramref name="b"/>, run where <paramref name="b"/>'s rows are when <paramref name="a"/> can get there.</summary>
    private async Task<List<AttackOutcome>> AttackAsync(RegisteredTenant a, RegisteredTenant b, string own, CancellationToken cancellationToken)
    {
        var outcomes = new List<AttackOutcome>();
        var where = own;
        var victimDatabase = new NpgsqlConnectionStringBuilder(b.AdminTarget(adminConnectionString).ConnectionString).Database;
        if (!string.Equals(new NpgsqlConnectionStringBuilder(own).Database, victimDatabase, StringComparison.Ordinal))
        {
            var other = new NpgsqlConnectionStringBuilder(own) { Database = victimDatabase }.ConnectionString;
            var (connected, detail) = await TryConnectAsync(other, cancellationToken);
            // The victim's own database must refuse the attacker; the shared database admits every tenant role.
            var leaked = connected && b.Isolation == IsolationLevel.DbPerTenant;
            outcomes.Add(new AttackOutcome(a.Id, b.Id, "connect to victim's database", false, leaked, detail));
            if (connected) where = other;
        }
        await using var connection = new NpgsqlConnection(where);
        await connection.OpenAsync(cancellationToken);
        foreach (var attack in Attacks(a, b))
            outcomes.Add(await TryAsync(a, b, connection, attack, cancellationToken));
        return outcomes;
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

    private static async Task<AttackOutcome> TryAsync(RegisteredTenant a, RegisteredTenant b, NpgsqlConnection connection, Attack attack, CancellationToken cancellationToken)
    {
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
            // Rolled back whatever happened: SET ROLE, SET LOCAL and every write end with the transaction.
            try { await transaction.RollbackAsync(CancellationToken.None); } catch (NpgsqlException) { } catch (InvalidOperationException) { }
        }
    }

    private static async Task<(bool Connected, string Detail)> TryConnectAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM pg_catalog.pg_class WHERE relname = 'organizations'", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return (true, $"connected to {connection.Database}");
        }
        catch (PostgresException e)
        {
            return (false, $"refused: {e.SqlState} {e.MessageText}");
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
