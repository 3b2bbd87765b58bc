using Npgsql;

namespace Toolkit.Migrations.DataCopy;

/// <summary>Row count and an order-independent checksum (md5 of the sorted row texts) per user table.</summary>
public static class TableChecksums
{
    /// <summary>One table's figures.</summary>
    public sealed record Figures(long Rows, string Checksum);

    /// <summary>User tables as <c>schema.table</c>, sorted.</summary>
    public static async Task<IReadOnlyList<string>> TablesAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables " +
            "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1", connection);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) tables.Add(reader.GetString(0));
        return tables;
    }

    /// <summary>Figures for every user table.</summary>
    public static async Task<IReadOnlyDictionary<string, Figures>> ReadAsync(string connectionString, CancellationToken cancellationToken)
    {
        var result = new SortedDictionary<string, Figures>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var table in await TablesAsync(connectionString, cancellationToken))
        {
            var parts = table.Split('.', 2);
            var quoted = $"\"{parts[0].Replace("\"", "\"\"")}\".\"{parts[1].Replace("\"", "\"\"")}\"";
            await using var command = new NpgsqlCommand(
                $"SELECT count(*), coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE \"C\")), md5('')) FROM {quoted} t", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            result[table] = new Figures(reader.GetInt64(0), reader.GetString(1));
        }
        return result;
    }
}
