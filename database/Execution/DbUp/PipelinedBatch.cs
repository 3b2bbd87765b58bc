using System.Data;
using System.Diagnostics;
using DbUp.Engine;

namespace Toolkit.Database.Execution.DbUp;

/// <summary>
/// Consecutive per-script transactions of one target sent as one DbUp script, so a fan-out tenant's pending scripts
/// cost one round trip instead of one each: the session setup, then per script <c>BEGIN</c>, the script, its journal
/// row and <c>COMMIT</c>. Still a transaction per script: when one fails the server aborts its transaction and skips
/// the rest of the batch, so the scripts before it stay committed with their rows, as under DbUp's
/// <c>WithTransactionPerScript</c>. It is also DbUp's journal for that script: DbUp stores it once, when the whole
/// batch succeeded, and the rows already travelled in the batch.
/// </summary>
internal sealed class PipelinedBatch(IReadOnlyList<PlanStep> steps, string sql, Stopwatch clock) : global::DbUp.Engine.IJournal
{
    private readonly List<ExecutedScript> _stored = [];

    /// <summary>The batch as DbUp runs it.</summary>
    public SqlScript Script { get; } = new(steps.Count == 1 ? steps[0].Name : $"{steps[0].Name} .. {steps[^1].Name} ({steps.Count} scripts)", sql);

    /// <summary>Every step, once DbUp stored the batch.</summary>
    public IReadOnlyList<ExecutedScript> Stored => _stored;

    /// <summary>
    /// True when every script's quotes, comments and bodies close within it: only then can scripts share a batch
    /// without one's unclosed string swallowing the next script's text.
    /// </summary>
    public static bool CanCombine(IEnumerable<string> scripts, IReadOnlyList<ScriptVariable> variables)
    {
        var names = variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        // With a line end after it, a closed script ends in code or a line comment; an unclosed region runs to the end.
        return scripts.All(sql =>
        {
            var probe = sql + "\n";
            return SqlScanner.Scan(probe, names).LastOrDefault(r => r.Kind != SqlRegionKind.Code) is not { } last || last.Start + last.Length < probe.Length;
        });
    }

    /// <summary>The first <paramref name="count"/> steps, which committed before the batch stopped.</summary>
    public IReadOnlyList<ExecutedScript> Committed(int count) => steps.Take(count).Select(Executed).ToList();

    /// <inheritdoc />
    public string[] GetExecutedScripts() => [];

    /// <inheritdoc />
    public void StoreExecutedScript(SqlScript script, Func<IDbCommand> dbCommandFactory) => _stored.AddRange(steps.Select(Executed));

    /// <inheritdoc />
    public void EnsureTableExistsAndIsLatestVersion(Func<IDbCommand> dbCommandFactory) { }

    // Client-side, one batch has one duration: each script gets its share (the journal rows have each script's own, from the server).
    private ExecutedScript Executed(PlanStep step) =>
        new(step.Name, step.Checksum, step.OneWay, step.Direction, clock.Elapsed / steps.Count);
}
