using System.Data;
using System.Diagnostics;
using DbUp.Engine;
using Toolkit.Database.Journal;

namespace Toolkit.Database.Execution.DbUp;

/// <summary>
/// Our journal behind DbUp's <see cref="global::DbUp.Engine.IJournal"/>: DbUp calls <see cref="StoreExecutedScript"/>
/// in the script's own transaction, and the row written is ours (checksum, direction, duration, target).
/// <see cref="GetExecutedScripts"/> is empty because the plan already chose what runs (our planner reads the journal,
/// checksums included, before DbUp starts), so DbUp's filter passes every planned script. With
/// <paramref name="inline"/> the row already travelled in the script's own batch (pipelined runs): DbUp's call only
/// records that it committed.
/// </summary>
internal sealed class ScriptJournalAdapter(JournalWriter writer, IReadOnlyDictionary<string, PlannedScript> planned, Stopwatch clock, bool inline = false) : global::DbUp.Engine.IJournal
{
    private readonly List<ExecutedScript> _stored = [];

    /// <summary>Scripts whose journal row was written, in order.</summary>
    public IReadOnlyList<ExecutedScript> Stored => _stored;

    /// <inheritdoc />
    public string[] GetExecutedScripts() => [];

    /// <inheritdoc />
    public void StoreExecutedScript(SqlScript script, Func<IDbCommand> dbCommandFactory)
    {
        var step = planned[script.Name].Step;
        var entry = new JournalEntry(step.Name, step.Checksum, DateTimeOffset.UtcNow, clock.Elapsed, step.Direction);
        if (!inline) writer.Write(dbCommandFactory, entry);
        _stored.Add(new ExecutedScript(step.Name, step.Checksum, step.OneWay, step.Direction, clock.Elapsed));
    }

    /// <inheritdoc />
    public void EnsureTableExistsAndIsLatestVersion(Func<IDbCommand> dbCommandFactory) => writer.Ensure(dbCommandFactory);
}
