using System.Data.Common;
using System.Globalization;
using Toolkit.Database.Engines;

namespace Toolkit.Database.Journal.Foreign;

/// <summary>Which tool wrote a journal we found.</summary>
public enum ForeignJournalKind
{
    /// <summary>DbUp's <c>schemaversions</c> (<c>schemaversionsid, scriptname, applied</c>).</summary>
    DbUp,
    /// <summary>Flyway's <c>flyway_schema_history</c>.</summary>
    Flyway,
}

/// <summary>One row of another tool's journal: the script name it recorded, and for Flyway its version, type and CRC32 checksum.</summary>
public sealed record ForeignEntry(string Script, string? Version, string Type, int? Checksum, DateTimeOffset AppliedAt, long DurationMs, bool Success);

/// <summary>Another tool's journal in the database: where it is and how many rows it has.</summary>
public sealed record ForeignJournal(ForeignJournalKind Kind, string? Schema, string Table, long Rows)
{
    /// <summary><c>public.schemaversions</c>.</summary>
    public string Qualified => Schema is null ? Table : $"{Schema}.{Table}";

    /// <summary><c>dbup</c> or <c>flyway</c>, as <c>--from</c> takes it.</summary>
    public string From => Kind == ForeignJournalKind.DbUp ? "dbup" : "flyway";

    /// <summary>Why a migrate must not run, and the command that takes over instead.</summary>
    public string Refusal() =>
        $"this database has a {Kind} journal ({Qualified}, {Rows} row(s)) and no toolkit journal: migrating would run those scripts a second time. " +
        $"Import it first, then migrate: toolkit db adopt --from {From} --connection ... --scripts DIR. Nothing was changed";
}

/// <summary>Finds and reads DbUp and Flyway journals.</summary>
public static class ForeignJournals
{
    /// <summary>
    /// The first DbUp or Flyway journal in <paramref name="schemas"/> (PostgreSQL) or the file (SQLite), or null;
    /// <paramref name="flywayTable"/> is the history table's name when a Flyway project's <c>table</c> setting renames it.
    /// </summary>
    public static async Task<ForeignJournal?> FindAsync(DbConnection connection, IDatabaseEngine engine, IReadOnlyList<string> schemas, string flywayTable,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        void Add(string name, object value) { var p = command.CreateParameter(); p.ParameterName = name; p.Value = value; command.Parameters.Add(p); }
        Add("flyway", engine.SupportsSchemas ? flywayTable : flywayTable.ToLowerInvariant());
        if (engine.SupportsSchemas)
        {
            command.CommandText = "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema = ANY(@schemas) AND table_name::text IN ('schemaversions', @flyway) ORDER BY array_position(@schemas, table_schema::text), table_name::text = 'schemaversions' DESC";
            Add("schemas", schemas.ToArray());
        }
        else command.CommandText = "SELECT NULL, name FROM sqlite_master WHERE type = 'table' AND lower(name) IN ('schemaversions', @flyway) ORDER BY lower(name) = 'schemaversions' DESC";
        string? schema = null, table = null;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            if (await reader.ReadAsync(cancellationToken)) { schema = reader.IsDBNull(0) ? null : reader.GetString(0); table = reader.GetString(1); }
        if (table is null) return null;
        var kind = table.Equals(flywayTable, StringComparison.OrdinalIgnoreCase) ? ForeignJournalKind.Flyway : ForeignJournalKind.DbUp;
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM {Qualify(engine, schema, table)}";
        var rows = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return new ForeignJournal(kind, schema, table, rows);
    }

    /// <summary>Every row of <paramref name="journal"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<ForeignEntry>> ReadAsync(DbConnection connection, IDatabaseEngine engine, ForeignJournal journal, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var table = Qualify(engine, journal.Schema, journal.Table);
        command.CommandText = journal.Kind == ForeignJournalKind.DbUp
            ? $"SELECT scriptname, applied FROM {table} ORDER BY 2, 1"
            : $"SELECT script, version, type, checksum, installed_on, execution_time, success FROM {table} ORDER BY installed_rank";
        var entries = new List<ForeignEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (journal.Kind == ForeignJournalKind.DbUp)
                entries.Add(new ForeignEntry(reader.GetString(0), null, "SQL", null, Time(reader.GetValue(1)), 0, true));
            else
                entries.Add(new ForeignEntry(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture), Time(reader.GetValue(4)),
                    Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture), Convert.ToBoolean(reader.GetValue(6), CultureInfo.InvariantCulture)));
        }
        return entries;
    }

    private static DateTimeOffset Time(object value) => value switch
    {
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        DateTimeOffset o => o,
        _ => DateTimeOffset.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : DateTimeOffset.UnixEpoch,
    };

    private static string Qualify(IDatabaseEngine engine, string? schema, string table) =>
        schema is null ? engine.QuoteIdentifier(table) : $"{engine.QuoteIdentifier(schema)}.{engine.QuoteIdentifier(table)}";
}
