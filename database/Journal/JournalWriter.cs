using System.Data;
using System.Globalization;
using Toolkit.Database.Engines;

namespace Toolkit.Database.Journal;

/// <summary>
/// Writes journal rows through the command factory DbUp hands its journal (so a row commits with its script), and
/// creates the table when missing, unless the caller made sure it exists (a fan-out over 10,000 tenants creates its
/// shared journal once, before the first tenant).
/// </summary>
public sealed class JournalWriter(IDatabaseEngine engine, JournalTable table, bool exists = false)
{
    /// <summary>Creates the table when missing.</summary>
    public void Ensure(Func<IDbCommand> commands)
    {
        if (exists) return;
        using var command = commands();
        command.CommandText = engine.CreateJournalSql(table);
        command.ExecuteNonQuery();
    }

    /// <summary>Appends <paramref name="entry"/>.</summary>
    public void Write(Func<IDbCommand> commands, JournalEntry entry)
    {
        using var command = commands();
        var target = table.Target is null ? "" : ", target";
        var targetValue = table.Target is null ? "" : ", @target";
        command.CommandText = $"INSERT INTO {TableJournal.Qualify(engine, table)} (script_name, checksum, applied_at, duration_ms, direction{target}) VALUES (@name, @checksum, @at, @ms, @direction{targetValue})";
        Add(command, "name", entry.ScriptName);
        Add(command, "checksum", entry.Checksum);
        Add(command, "at", engine.Name == "sqlite" ? entry.AppliedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) : entry.AppliedAt.UtcDateTime);
        Add(command, "ms", (long)entry.Duration.TotalMilliseconds);
        Add(command, "direction", entry.Direction == ScriptDirection.Down ? "down" : "up");
        if (table.Target is not null) Add(command, "target", table.Target);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// The INSERT of <paramref name="entry"/>'s row as one statement with literal values, to travel in the script's own
    /// batch: <c>applied_at</c> is the server's clock, <c>duration_ms</c> the time since the transaction began.
    /// </summary>
    internal string InlineSql(JournalEntry entry)
    {
        var target = table.Target is null ? "" : ", target";
        var targetValue = table.Target is null ? "" : ", " + engine.QuoteLiteral(table.Target);
        return $"INSERT INTO {TableJournal.Qualify(engine, table)} (script_name, checksum, applied_at, duration_ms, direction{target}) VALUES (" +
            $"{engine.QuoteLiteral(entry.ScriptName)}, {engine.QuoteLiteral(entry.Checksum)}, clock_timestamp(), (extract(epoch FROM clock_timestamp() - now()) * 1000)::bigint, " +
            $"{engine.QuoteLiteral(entry.Direction == ScriptDirection.Down ? "down" : "up")}{targetValue})";
    }

    /// <summary>How many rows the journal has (this target's, when shared): rows are only ever appended.</summary>
    internal string CountSql() =>
        $"SELECT count(*) FROM {TableJournal.Qualify(engine, table)}" + (table.Target is null ? "" : " WHERE target = " + engine.QuoteLiteral(table.Target));

    private static void Add(IDbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
