using System.Data.Common;
using Toolkit.Core.Diagnostics;
using Toolkit.Database.Journal;
using Toolkit.Database.Journal.Foreign;
using Toolkit.Database.Scripts;

namespace Toolkit.Database;

/// <summary>How one row of another tool's journal was taken over.</summary>
public enum AdoptedState
{
    /// <summary>Matched to a file with the same text: recorded as applied with the file's SHA-256.</summary>
    Imported,
    /// <summary>Matched to a file whose text differs from what Flyway applied (CRC-32): recorded under the old checksum, so migrate refuses it as changed.</summary>
    Changed,
    /// <summary>No script file has this name: listed, not recorded.</summary>
    NoFile,
    /// <summary>A repeatable script whose file changed since it ran: left unrecorded, so migrate runs it again (as Flyway would).</summary>
    RepeatableChanged,
}

/// <summary>One journal row and what adoption did with it.</summary>
public sealed record AdoptedScript(string JournalName, string? Script, AdoptedState State);

/// <summary>What <see cref="ScriptEngine.AdoptAsync"/> found and did.</summary>
public sealed record AdoptionResult(ForeignJournal? Journal, IReadOnlyList<AdoptedScript> Scripts, IReadOnlyList<string> Pending, string? Error, bool DryRun)
{
    /// <summary>True when the journal was imported (or, in a dry run, would be).</summary>
    public bool Successful => Error is null;
}

public sealed partial class ScriptEngine
{
    /// <summary>
    /// Takes over a database another tool migrated: reads its DbUp (<c>schemaversions</c>) or Flyway
    /// (<c>flyway_schema_history</c>) journal, matches each row to a script by name (DbUp's embedded resource names
    /// match a folder's file names by their ending), and writes our journal rows for them in one transaction, so
    /// <see cref="MigrateAsync"/> then runs only what is new. Refused when our journal already has rows. The other
    /// tool's journal is left as it was.
    /// </summary>
    public async Task<AdoptionResult> AdoptAsync(ForeignJournalKind? from = null, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<DatabaseScript> scripts;
        try { scripts = GetScripts(); }
        catch (DiagnosticException e) { return new AdoptionResult(null, [], [], "the scripts are invalid: " + string.Join("; ", e.Diagnostics), dryRun); }
        await using var connection = await Configuration.Engine.OpenAsync(cancellationToken);
        if (await _journal.ExistsAsync(connection, cancellationToken) && (await _journal.ReadAsync(connection, cancellationToken)).Count > 0)
            return new AdoptionResult(null, [], [], $"the toolkit journal {TableJournal.Qualify(Configuration.Engine, Configuration.Journal)} already has rows: this database was adopted or migrated by toolkit already", dryRun);
        var journal = await ForeignJournals.FindAsync(connection, Configuration.Engine, ForeignJournalSchemas, Configuration.FlywayTable, cancellationToken);
        if (journal is null || (from is { } kind && journal.Kind != kind))
            return new AdoptionResult(null, [], [], $"no {(from?.ToString() ?? "DbUp or Flyway")} journal found in {string.Join(", ", ForeignJournalSchemas)}: there is nothing to adopt (run 'toolkit db migrate')", dryRun);
        var rows = await ForeignJournals.ReadAsync(connection, Configuration.Engine, journal, cancellationToken);
        var adopted = Match(journal, rows, scripts);
        var recorded = adopted.Where(a => a.Entry is not null).Select(a => a.Entry!).ToList();
        var applied = recorded.Select(e => e.ScriptName).ToHashSet(StringComparer.Ordinal);
        var pending = scripts.Where(s => !applied.Contains(s.Name)).Select(s => s.Name).ToList();
        if (!dryRun && recorded.Count > 0) await RecordAsync(connection, recorded, cancellationToken);
        return new AdoptionResult(journal, adopted.Select(a => a.Script).ToList(), pending, null, dryRun);
    }

    private static List<(AdoptedScript Script, JournalEntry? Entry)> Match(ForeignJournal journal, IReadOnlyList<ForeignEntry> rows, IReadOnlyList<DatabaseScript> scripts)
    {
        var byName = scripts.ToDictionary(s => s.Name, StringComparer.Ordinal);
        DatabaseScript? Find(string recorded)
        {
            var name = recorded.Replace('\\', '/').Split('/')[^1];
            if (byName.TryGetValue(recorded, out var exact) || byName.TryGetValue(name, out exact)) return exact;
            // DbUp journals embedded scripts under their resource name (MyApp.Scripts.0001-X.sql): match a file by that ending.
            var endings = scripts.Where(s => recorded.EndsWith("." + s.Name, StringComparison.Ordinal) || s.Name.EndsWith("." + recorded, StringComparison.Ordinal)).ToList();
            return endings.Count == 1 ? endings[0] : null;
        }
        var latest = new Dictionary<string, (ForeignEntry Row, DatabaseScript? Script)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var row in rows.Where(r => r.Success))
        {
            // Flyway: an undo row takes its version back out; schema-creation and baseline markers are not scripts.
            if (journal.Kind == ForeignJournalKind.Flyway && row.Type is "SCHEMA" or "BASELINE" or "DELETE") continue;
            if (journal.Kind == ForeignJournalKind.Flyway && row.Type.StartsWith("UNDO", StringComparison.Ordinal))
            {
                var undone = latest.Keys.FirstOrDefault(k => latest[k].Row.Version == row.Version);
                if (undone is not null) { latest.Remove(undone); order.Remove(undone); }
                continue;
            }
            var script = Find(row.Script);
            var key = script?.Name ?? row.Script;
            if (!latest.ContainsKey(key)) order.Add(key);
            latest[key] = (row, script);
        }
        return order.Select(key =>
        {
            var (row, script) = latest[key];
            if (script is null) return (new AdoptedScript(row.Script, null, AdoptedState.NoFile), (JournalEntry?)null);
            var changed = row.Checksum is { } crc && crc != FlywayChecksum.Of(script.Written);
            if (changed && script.IsRepeatable) return (new AdoptedScript(row.Script, script.Name, AdoptedState.RepeatableChanged), null);
            var checksum = changed ? $"flyway-crc32:{row.Checksum}" : script.Checksum;
            return (new AdoptedScript(row.Script, script.Name, changed ? AdoptedState.Changed : AdoptedState.Imported),
                new JournalEntry(script.Name, checksum, row.AppliedAt, TimeSpan.FromMilliseconds(row.DurationMs), ScriptDirection.Up));
        }).ToList();
    }

    private async Task RecordAsync(DbConnection connection, IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken)
    {
        var writer = new JournalWriter(Configuration.Engine, Configuration.Journal);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        System.Data.IDbCommand Command() { var c = connection.CreateCommand(); c.Transaction = transaction; return c; }
        writer.Ensure(Command);
        foreach (var entry in entries) writer.Write(Command, entry);
        await transaction.CommitAsync(cancellationToken);
    }
}
