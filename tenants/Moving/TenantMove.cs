using System.IO.Pipelines;
using Npgsql;
using Toolkit.Core.Diagnostics;
using Toolkit.Database.Isolation;
using Toolkit.Stacks.Configuration;
using Toolkit.Tenants.Data;
using Toolkit.Tenants.Places;
using Toolkit.Tenants.Platform;

namespace Toolkit.Tenants.Moving;

/// <summary>What a move did.</summary>
public sealed record MoveResult(string TenantId, IsolationLevel From, IsolationLevel To, long Rows, IReadOnlyList<CopiedTable> Tables);

/// <summary>
/// Moves one tenant to another isolation level (rls or its schema to a database of its own, and back):
/// builds the new place with the platform's scripts, streams every table's rows from a snapshot of the old
/// place into one transaction at the new one, and commits only when counts and checksums match. Then it
/// switches the registry (the connection string follows it) and the config's <c>tenants[].isolation</c>,
/// and drops the old place. Until the switch a failure removes what the move built: the tenant stays
/// where it was, readable throughout.
/// </summary>
public sealed class TenantMove(TenantPlatform platform)
{
    /// <summary>Moves <paramref name="slug"/> to <paramref name="to"/>.</summary>
    public async Task<MoveResult> RunAsync(string slug, IsolationLevel to, CancellationToken cancellationToken = default)
    {
        var config = platform.Config();
        var tenant = platform.Tenant(config, slug);
        var location = platform.TenantLocation(config, config.Tenants.ToList().IndexOf(tenant));
        var source = await platform.RegisteredAsync(tenant.Id, cancellationToken)
            ?? throw new DiagnosticException(Diagnostic.Error("tenant-unknown", $"tenant '{slug}' has no database side to move: onboard or provision it first", location));
        if (source.Isolation == to)
            throw new DiagnosticException(Diagnostic.Error("tenant-move", $"tenant '{slug}' is already under {IsolationLevels.Name(to)}", location));
        var target = source with { Isolation = to };
        IReadOnlyList<CopiedTable> copied;
        try
        {
            var built = await platform.Provisioner.BuildPlaceAsync(target, cancellationToken);
            if (!built.Successful) throw TenantPlaces.Failed(target, built);
            copied = await CopyAsync(source, target, cancellationToken);
        }
        catch
        {
            await UndoAsync(source, target);
            throw;
        }
        // The switch: one registry row, then the config. After it the old place is only a leftover.
        await using (var connection = await TenantPlaces.OpenAsync(platform.AdminConnectionString, cancellationToken))
        await using (var update = new NpgsqlCommand("UPDATE toolkit.tenants SET isolation = @i WHERE id = @id", connection))
        {
            update.Parameters.AddWithValue("i", IsolationLevels.Name(to));
            update.Parameters.AddWithValue("id", source.Id);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        var text = platform.ConfigText();
        platform.SaveConfig(to == config.Architecture.Isolation
            ? TenantYamlEditor.Unset(text, tenant.Id, "isolation")
            : TenantYamlEditor.Set(text, tenant.Id, "isolation", Words.Of(to)));
        await platform.Provisioner.DropPlaceAsync(source, CancellationToken.None);
        if (to == IsolationLevel.Rls) await IsolationSql.RunAsync(platform.AdminConnectionString, "rls/tenant_add.sql", TenantProvisioner.Variables(TenantNames.Create(source.Id, source.Slug), to), CancellationToken.None);
        if (source.Isolation == IsolationLevel.SchemaPerTenant) await ResetSearchPathAsync(source, to);
        return new MoveResult(source.Id, source.Isolation, to, copied.Sum(c => c.Rows), copied);
    }

    private async Task<IReadOnlyList<CopiedTable>> CopyAsync(RegisteredTenant source, RegisteredTenant target, CancellationToken cancellationToken)
    {
        var (fromDb, fromSchema) = source.AdminTarget(platform.AdminConnectionString);
        var (toDb, toSchema) = target.AdminTarget(platform.AdminConnectionString);
        var fromRls = source.Isolation == IsolationLevel.Rls;
        var toRls = target.Isolation == IsolationLevel.Rls;
        await using var reader = await TenantPlaces.OpenAsync(fromDb, cancellationToken);
        await using var snapshot = await reader.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var writer = await TenantPlaces.OpenAsync(toDb, cancellationToken);
        await using var transaction = await writer.BeginTransactionAsync(cancellationToken);
        var targets = (await TenantTables.ListAsync(writer, toSchema, toRls, cancellationToken)).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var sources = await TenantTables.ListAsync(reader, fromSchema, fromRls, cancellationToken);
        foreach (var stale in targets.Values.Reverse())
        {
            // Rows of this tenant at the target can only be leftovers of an earlier failed move.
            await using var clear = new NpgsqlCommand(toRls ? $"DELETE FROM {stale.Qualified} WHERE tenant_id = {Sql.Literal(source.Id)}" : $"DELETE FROM {stale.Qualified}", writer, transaction);
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }
        var copied = new List<CopiedTable>();
        foreach (var table in sources)
        {
            if (!targets.TryGetValue(table.Name, out var place) || table.Columns.Except(place.Columns).Any())
                throw new DiagnosticException(Diagnostic.Error("tenant-move",
                    $"table {table.Name} of tenant '{source.Id}' has no matching table at {IsolationLevels.Name(target.Isolation)} (missing table or column): the tenant has tables the platform's scripts do not create. Nothing was moved"));
            var pipe = new Pipe();
            var export = Task.Run(async () =>
            {
                await using var sink = pipe.Writer.AsStream();
                try { return await TableCopy.ExportAsync(reader, table, fromRls ? source.Id : null, sink, cancellationToken); }
                catch (Exception e) { await pipe.Writer.CompleteAsync(e); throw; }
            }, cancellationToken);
            await using (var stream = pipe.Reader.AsStream())
                await TableCopy.ImportAsync(writer, place with { Columns = table.Columns }, stream, cancellationToken);
            var read = await export;
            var landed = await TableCopy.MeasureAsync(writer, place with { Columns = table.Columns }, toRls ? source.Id : null, cancellationToken);
            if (landed.Rows != read.Rows || landed.Checksum != read.Checksum)
                throw new DiagnosticException(Diagnostic.Error("tenant-move",
                    $"table {table.Name}: {read.Rows} rows ({read.Checksum}) read, {landed.Rows} ({landed.Checksum}) at the target; nothing was moved"));
            await TableCopy.AdvanceSequencesAsync(writer, place, transaction, cancellationToken);
            copied.Add(landed);
        }
        await transaction.CommitAsync(cancellationToken);
        await snapshot.CommitAsync(cancellationToken);
        return copied;
    }

    /// <summary>Removes what a failed move built and puts the role's settings back for the old place.</summary>
    private async Task UndoAsync(RegisteredTenant source, RegisteredTenant target)
    {
        await platform.Provisioner.DropPlaceAsync(target, CancellationToken.None);
        var vars = TenantProvisioner.Variables(TenantNames.Create(source.Id, source.Slug), source.Isolation);
        var script = source.Isolation switch
        {
            IsolationLevel.Rls => "rls/tenant_add.sql",
            IsolationLevel.SchemaPerTenant => "schema/tenant_add.sql",
            _ => "database/tenant_add.sql",
        };
        await IsolationSql.RunAsync(platform.AdminConnectionString, script, vars, CancellationToken.None);
    }

    private async Task ResetSearchPathAsync(RegisteredTenant source, IsolationLevel to)
    {
        if (to != IsolationLevel.DbPerTenant) return;
        await using var connection = await TenantPlaces.OpenAsync(platform.AdminConnectionString, CancellationToken.None);
        await using var reset = new NpgsqlCommand($"ALTER ROLE {Sql.Id(source.Role)} SET search_path = app", connection);
        await reset.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
