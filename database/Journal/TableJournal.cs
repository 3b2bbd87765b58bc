using System.Data.Common;
using System.Globalization;
using Toolkit.Database.Engines;

namespace Toolkit.Database.Journal;

/// <summary>
/// The journal as a table (<c>script_name, checksum, applied_at, duration_ms, direction</c>) in the engine's
/// dialect. Rows are written in the script's own transaction, so a script and its row commit together.
/// </summary>
public sealed class TableJournal(IDatabaseEngine engine, JournalTable table) : IJournal
{
    /// <summary>Where the table is.</summary>
    public JournalTable Table { get; } = table;

    private string Qualified => engine.SupportsSchemas && Table.Schema is { } schema
        ? $"{engine.QuoteIdentifier(schema)}.{engine.QuoteIdentifier(Table.Table)}"
        : engine.QuoteIdentifier(Table.Table);

    /// <inheritdoc />
    public async Task EnsureAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (await ExistsAsync(connection, null, cancellationToken)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = engine.CreateJournalSql(Table);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JournalEntry>> ReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(connection, null, cancellationToken)) return [];
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT script_name, checksum, applied_at, duration_ms, direction FROM {Qualified} ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<JournalEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var applied = reader.GetValue(2) switch
            {
                DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
                DateTimeOffset o => o,
                var other => DateTimeOffset.Parse(Convert.ToString(other, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
            };
            entries.Add(new JournalEntry(reader.GetString(0), reader.GetString(1), applied,
                TimeSpan.FromMilliseconds(Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture)),
                reader.GetString(4) == "down" ? ScriptDirection.Down : ScriptDirection.Up));
        }
        return entries;
    }

    /// <inheritdoc />
    public async Task RecordAsync(DbConnection connection, DbTransaction? transaction, JournalEntry entry, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Qualified} (script_name, checksum, applied_at, duration_ms, direction) VALUES (@name, @checksum, @at, @ms, @direction)";
        Add(command, "name", entry.ScriptName);
        Add(command, "checksum", entry.Checksum);
        Add(command, "at", engine.Name == "sqlite" ? entry.AppliedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) : entry.AppliedAt.UtcDateTime);
        Add(command, "ms", (long)entry.Duration.TotalMilliseconds);
        Add(command, "direction", entry.Direction == ScriptDirection.Down ? "down" : "up");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<bool> ExistsAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = engine.JournalExistsSql(Table);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is not null && value is not DBNull;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
