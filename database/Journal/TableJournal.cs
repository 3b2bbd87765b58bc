using System.Data.Common;
using System.Globalization;
using Toolkit.Database.Engines;

namespace Toolkit.Database.Journal;

/// <summary>
/// The journal as a table (<c>script_name, checksum, applied_at, duration_ms, direction</c>, and <c>target</c> when
/// shared) in the engine's dialect, read here; rows are written by <see cref="JournalWriter"/> in the script's own
/// transaction (through DbUp), so a script and its row commit together.
/// </summary>
public sealed class TableJournal(IDatabaseEngine engine, JournalTable table) : IJournal
{
    /// <summary>Where the table is.</summary>
    public JournalTable Table { get; } = table;

    private string Qualified => Qualify(engine, Table);

    /// <summary>The table's name as SQL (schema-qualified on PostgreSQL when it has a schema).</summary>
    public static string Qualify(IDatabaseEngine engine, JournalTable table) => engine.SupportsSchemas && table.Schema is { } schema
        ? $"{engine.QuoteIdentifier(schema)}.{engine.QuoteIdentifier(table.Table)}"
        : engine.QuoteIdentifier(table.Table);

    /// <inheritdoc />
    public async Task EnsureAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (await ExistsAsync(connection, cancellationToken)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = engine.CreateJournalSql(Table);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JournalEntry>> ReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(connection, cancellationToken)) return [];
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT script_name, checksum, applied_at, duration_ms, direction FROM {Qualified}{(Table.Target is null ? "" : " WHERE target = @target")} ORDER BY id";
        if (Table.Target is not null) Add(command, "target", Table.Target);
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

    /// <summary>True when the journal table exists.</summary>
    public async Task<bool> ExistsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
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
