using Npgsql;
using Toolkit.Database.Isolation;
using Toolkit.Stacks.Configuration;
using Toolkit.Tenants.Data;
using Toolkit.Tenants.Places;
using Toolkit.Tenants.Platform;

namespace Toolkit.Tenants.Onboarding;

/// <summary>What the probe tried and what leaked.</summary>
public sealed record ProbeReport(int Attempts, IReadOnlyList<string> Leaks)
{
    /// <summary>One line for the step's record.</summary>
    public string Summary => $"{Attempts} attempts, {Leaks.Count} leaks";
}

/// <summary>
/// The onboarding's isolation check for one tenant, linear in nothing but that tenant (the full attack
/// matrix of <c>toolkit tenants verify</c> attacks every tenant and is for platform-wide checks). Over real
/// connections with real passwords, the new tenant attacks a neighbour's marker row and the neighbour
/// attacks the new tenant's: through qualified table names, <c>set_config</c> of the tenant setting,
/// <c>SET ROLE</c>, and (db-per-tenant) a connection to the other's database. A control read of its own
/// marker must succeed, so a probe that cannot see anything does not pass as safe.
/// </summary>
public sealed class IsolationProbe(TenantPlatform platform)
{
    private const string Marker = "toolkit-onboard-probe";

    /// <summary>Probes <paramref name="tenant"/> against one other registered tenant (if any).</summary>
    public async Task<ProbeReport> RunAsync(RegisteredTenant tenant, CancellationToken cancellationToken)
    {
        var all = await platform.Registry.ListAsync(cancellationToken);
        var neighbour = all.Where(t => t.Id != tenant.Id).OrderBy(t => t.Isolation == tenant.Isolation ? 0 : 1).ThenBy(t => t.Id, StringComparer.Ordinal).FirstOrDefault();
        var pair = neighbour is null ? [tenant] : new[] { tenant, neighbour };
        var leaks = new List<string>();
        var attempts = 0;
        foreach (var t in pair) await MarkAsync(t, insert: true, cancellationToken);
        try
        {
            var own = await ConnectAsync(tenant, cancellationToken);
            attempts++;
            if (await ReadAsync(own, Table(tenant, tenant), tenant.Id, [], cancellationToken) != 1)
                leaks.Add($"{tenant.Id} cannot read its own marker row: the probe would prove nothing");
            if (neighbour is not null)
                foreach (var (attacker, victim) in new[] { (tenant, neighbour), (neighbour, tenant) })
                {
                    var connection = await ConnectAsync(attacker, cancellationToken);
                    string[][] vectors =
                    [
                        [],
                        [$"SELECT set_config('app.tenant_id', {Sql.Literal(victim.Id)}, false)"],
                        [$"SET ROLE {Sql.Id(victim.Role)}"],
                    ];
                    foreach (var setup in vectors)
                    {
                        attempts++;
                        if (await ReadAsync(connection, Table(attacker, victim), victim.Id, setup, cancellationToken) > 0)
                            leaks.Add($"{attacker.Id} read {victim.Id}'s row via {(setup.Length == 0 ? "its table name" : setup[0])}");
                    }
                    if (victim.Isolation == IsolationLevel.DbPerTenant)
                    {
                        attempts++;
                        var other = new NpgsqlConnectionStringBuilder(connection) { Database = victim.Database }.ConnectionString;
                        if (await ReadAsync(other, "app.organizations", victim.Id, [], cancellationToken) > 0)
                            leaks.Add($"{attacker.Id} connected to {victim.Id}'s database and read its row");
                    }
                }
        }
        finally
        {
            foreach (var t in pair) await MarkAsync(t, insert: false, CancellationToken.None);
        }
        return new ProbeReport(attempts, leaks);
    }

    private async Task<string> ConnectAsync(RegisteredTenant tenant, CancellationToken cancellationToken) =>
        new NpgsqlConnectionStringBuilder(await TenantConnections.ForAsync(platform.Registry, tenant, includePassword: true, cancellationToken)) { Pooling = false }.ConnectionString;

    /// <summary>How the attacker names the victim's organizations table.</summary>
    private static string Table(RegisteredTenant attacker, RegisteredTenant victim) => victim.Isolation switch
    {
        IsolationLevel.SchemaPerTenant => $"{Sql.Id(victim.Schema)}.organizations",
        _ => "app.organizations",
    };

    /// <summary>Rows of <paramref name="owner"/>'s marker visible after <paramref name="setup"/>; a refused statement counts as 0 (blocked).</summary>
    private static async Task<long> ReadAsync(string connectionString, string table, string owner, string[] setup, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await TenantPlaces.OpenAsync(connectionString, cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var sql in setup)
                await using (var command = new NpgsqlCommand(sql, connection, transaction)) await command.ExecuteNonQueryAsync(cancellationToken);
            await using var read = new NpgsqlCommand($"SELECT count(*) FROM {table} WHERE slug = {Sql.Literal(Marker)} AND tenant_id = {Sql.Literal(owner)}", connection, transaction);
            var count = (long)(await read.ExecuteScalarAsync(cancellationToken))!;
            await transaction.RollbackAsync(cancellationToken);
            return count;
        }
        catch (PostgresException)
        {
            return 0;
        }
    }

    private async Task MarkAsync(RegisteredTenant tenant, bool insert, CancellationToken cancellationToken)
    {
        var (target, schema) = tenant.AdminTarget(platform.AdminConnectionString);
        await using var connection = await TenantPlaces.OpenAsync(target, cancellationToken);
        var table = $"{Sql.Id(schema)}.organizations";
        var sql = insert
            ? $"INSERT INTO {table} (tenant_id, name, slug) VALUES ({Sql.Literal(tenant.Id)}, 'probe', {Sql.Literal(Marker)}) ON CONFLICT DO NOTHING"
            : $"DELETE FROM {table} WHERE slug = {Sql.Literal(Marker)} AND tenant_id = {Sql.Literal(tenant.Id)}";
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
