using Npgsql;

namespace Toolkit.Tenants.Data;

/// <summary>A table's rows, counted and checksummed, as they left or entered a database.</summary>
public sealed record CopiedTable(TenantTable Table, long Rows, string Checksum);

/// <summary>
/// Moves a tenant's rows of one table with binary COPY, streaming (constant memory), and checksums them on
/// the way. Under rls only the tenant's rows are read (<c>WHERE tenant_id = ...</c>).
/// </summary>
public static class TableCopy
{
    private const int Chunk = 1 << 16;

    /// <summary>Writes the rows of <paramref name="table"/> (the tenant's, when <paramref name="tenantId"/> is given) to <paramref name="output"/>.</summary>
    public static async Task<CopiedTable> ExportAsync(NpgsqlConnection connection, TenantTable table, string? tenantId, Stream output, CancellationToken cancellationToken)
    {
        var source = tenantId is null ? $"{table.Qualified} ({table.ColumnList})"
            : $"(SELECT {table.ColumnList} FROM {table.Qualified} WHERE tenant_id = {Sql.Literal(tenantId)})";
        var reader = new CopyRowReader();
        var buffer = new byte[Chunk];
        await using (var copy = await connection.BeginRawBinaryCopyAsync($"COPY {source} TO STDOUT (FORMAT BINARY)", cancellationToken))
        {
            int read;
            while ((read = await copy.ReadAsync(buffer, cancellationToken)) > 0)
            {
                reader.Feed(buffer.AsSpan(0, read));
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        return new CopiedTable(table, reader.Checksum.Rows, reader.Checksum.Value);
    }

    /// <summary>Reads binary COPY data from <paramref name="input"/> into <paramref name="table"/>; returns what went in.</summary>
    public static async Task<CopiedTable> ImportAsync(NpgsqlConnection connection, TenantTable table, Stream input, CancellationToken cancellationToken)
    {
        var reader = new CopyRowReader();
        var buffer = new byte[Chunk];
        await using (var copy = await connection.BeginRawBinaryCopyAsync($"COPY {table.Qualified} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            int read;
            while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
            {
                reader.Feed(buffer.AsSpan(0, read));
                await copy.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        return new CopiedTable(table, reader.Checksum.Rows, reader.Checksum.Value);
    }

    /// <summary>Counts and checksums what <paramref name="table"/> holds now (for the tenant, under rls).</summary>
    public static Task<CopiedTable> MeasureAsync(NpgsqlConnection connection, TenantTable table, string? tenantId, CancellationToken cancellationToken) =>
        ExportAsync(connection, table, tenantId, Stream.Null, cancellationToken);

    /// <summary>Moves sequences owned by <paramref name="table"/>'s columns past the highest value copied in.</summary>
    public static async Task AdvanceSequencesAsync(NpgsqlConnection connection, TenantTable table, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        foreach (var column in table.Columns)
        {
            await using var find = new NpgsqlCommand("SELECT pg_get_serial_sequence(@t, @c)", connection, transaction);
            find.Parameters.AddWithValue("t", $"{Sql.Id(table.Schema)}.{Sql.Id(table.Name)}");
            find.Parameters.AddWithValue("c", column);
            if (await find.ExecuteScalarAsync(cancellationToken) is not string sequence) continue;
            await using var set = new NpgsqlCommand(
                $"SELECT setval({Sql.Literal(sequence)}, GREATEST((SELECT max({Sql.Id(column)}) FROM {table.Qualified}), (SELECT last_value FROM {sequence})))", connection, transaction);
            await set.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
