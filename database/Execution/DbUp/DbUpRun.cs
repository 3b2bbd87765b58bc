using System.Data;
using System.Data.Common;
using System.Diagnostics;
using DbUp.Builder;
using DbUp.Engine;
using DbUp.Postgresql;
using DbUp.Sqlite;
using Toolkit.Database.Engines;
using Toolkit.Database.Journal;

namespace Toolkit.Database.Execution.DbUp;

/// <summary>
/// The one execution path: planned steps run through DbUp's <see cref="UpgradeEngine"/> with our seams plugged in
/// (script provider fed by the plan, preprocessor for variables, journal adapter, connection manager, cancellable
/// executor around DbUp's own PostgreSQL or SQLite executor). DbUp has one transaction mode per engine, so a run in
/// which some scripts must run outside a transaction (CONCURRENTLY) is a sequence of DbUp runs: consecutive
/// transactional scripts in one <c>WithTransactionPerScript</c> run, each outside script in a <c>WithoutTransaction</c> run.
/// </summary>
internal static class DbUpRun
{
    /// <summary>
    /// Runs <paramref name="steps"/> in order; stops at the first failure. <paramref name="journalRows"/> is how many
    /// rows the journal (this target's) had before: a pipelined batch that fails midway counts them again to tell which
    /// of its scripts committed (negative: unknown, so no batch of several scripts is sent).
    /// </summary>
    public static async Task<ScriptRunResult> RunAsync(ScriptEngineConfiguration configuration, JournalTable journal,
        IReadOnlyList<(PlanStep Step, string Sql)> steps, CancellationToken cancellationToken, int journalRows = -1)
    {
        var executed = new List<ExecutedScript>();
        foreach (var (mode, segment) in Segments(steps, configuration.TransactionMode))
        {
            // Every stored step wrote one row, so the journal now has the rows from before plus those.
            var rows = journalRows < 0 ? -1 : journalRows + executed.Count;
            var (stored, failure) = await Task.Run(() => configuration.Pipelined && mode == TransactionMode.PerScript && rows >= 0 && segment.Count > 1
                    && PipelinedBatch.CanCombine(segment.Select(s => s.Sql), configuration.Variables)
                ? RunBatch(configuration, journal, segment, rows, cancellationToken)
                : RunSegment(configuration, journal, mode, segment, cancellationToken), CancellationToken.None);
            executed.AddRange(stored);
            if (failure is not null) return failure with { Executed = executed };
        }
        return new ScriptRunResult { Executed = executed };
    }

    /// <summary>Runs one idempotent, unjournaled script (the isolation scripts) through DbUp with its <c>NullJournal</c>.</summary>
    public static Task RunUnjournaledAsync(IDatabaseEngine engine, string name, string sql, IReadOnlyList<ScriptVariable> variables, CancellationToken cancellationToken)
    {
        var names = variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var mode = TransactionRequirement.NeedsNoTransaction(sql, names) ? TransactionMode.None : TransactionMode.WholeRun;
        return Task.Run(() =>
        {
            var result = Perform(engine, null, null, null, mode, false, new global::DbUp.ScriptProviders.StaticScriptProvider([new SqlScript(name, sql)]), new global::DbUp.Helpers.NullJournal(),
                new VariablePreprocessor(variables, engine, new Stopwatch()), NullScriptLog.Instance, cancellationToken, _ => { });
            if (!result.Successful) throw result.Error ?? new InvalidOperationException($"{name} failed");
        }, CancellationToken.None);
    }

    // One DbUp engine: our connection manager, journal, preprocessor and a cancellable DbUp executor, in `mode`.
    // `schema` is DbUp's own: a raw $schema$ variable (DbUp strips "$schema$." from scripts when it has none).
    // `pipelined`: every script carries its own BEGIN/COMMIT (and journal row), so DbUp runs without a transaction and sends each whole.
    private static DatabaseUpgradeResult Perform(IDatabaseEngine engine, string? schema, string? setup, TimeSpan? statementTimeout, TransactionMode mode, bool pipelined, global::DbUp.Engine.IScriptProvider scripts,
        global::DbUp.Engine.IJournal journal, global::DbUp.Engine.IScriptPreprocessor preprocessor, IScriptLog log, CancellationToken cancellationToken, Action<string> starting)
    {
        DbConnection? current = null;
        var manager = new ScriptConnectionManager(() => current = engine.CreateConnection(), connection =>
        {
            if (setup is null) return;
            using var command = connection.CreateCommand();
            command.CommandText = setup;
            command.ExecuteNonQuery();
        }, whole: pipelined);
        var timeout = statementTimeout is { } t ? (int)Math.Ceiling(t.TotalSeconds) + 5 : 0;
        var builder = new UpgradeEngineBuilder();
        builder.Configure(c =>
        {
            c.ConnectionManager = manager;
            c.Journal = journal;
            global::DbUp.Engine.IScriptExecutor inner = engine.Name == "sqlite"
                ? new SqliteScriptExecutor(() => c.ConnectionManager, () => c.Log, null, () => c.VariablesEnabled, c.ScriptPreprocessors, () => c.Journal)
                : new PostgresqlScriptExecutor(() => c.ConnectionManager, () => c.Log, schema, () => c.VariablesEnabled, c.ScriptPreprocessors, () => c.Journal);
            inner.ExecutionTimeoutSeconds = timeout;
            c.ScriptExecutor = new CancellableExecutor(inner, cancellationToken, () => { if (current is { } running) engine.CancelRunning(running); }, starting);
        });
        builder = builder.WithScripts(scripts)
            .WithScriptSorter(found => found.OrderBy(s => s.SqlScriptOptions.RunGroupOrder))
            .WithVariablesDisabled()
            .WithPreprocessor(preprocessor)
            .ResetConfiguredLoggers()
            .LogTo(new UpgradeLogAdapter(log));
        builder = (pipelined ? TransactionMode.None : mode) switch
        {
            TransactionMode.WholeRun => builder.WithTransaction(),
            TransactionMode.None => builder.WithoutTransaction(),
            _ => builder.WithTransactionPerScript(),
        };
        return builder.Build().PerformUpgrade();
    }

    // The script as one batch: its failure aborts the transaction and the server skips the rest (the pool rolls it back).
    private static string Pipeline(string? setup, string sql, JournalWriter writer, PlanStep step, IReadOnlySet<string> variableNames) =>
        (setup is null ? "" : setup + ";\n") + Transaction(sql, writer, step, variableNames);

    // One script's transaction: BEGIN, the script, its journal row, COMMIT.
    private static string Transaction(string sql, JournalWriter writer, PlanStep step, IReadOnlySet<string> variableNames)
    {
        var masked = SqlScanner.Mask(sql, variableNames).TrimEnd();
        var end = masked.Length == 0 || masked.EndsWith(';') ? "\n" : "\n;\n";
        var row = writer.InlineSql(new JournalEntry(step.Name, step.Checksum, DateTimeOffset.UtcNow, TimeSpan.Zero, step.Direction));
        return "BEGIN;\n" + (masked.Length == 0 ? "" : sql + end) + row + ";\nCOMMIT";
    }

    private static IEnumerable<(TransactionMode Mode, List<(PlanStep Step, string Sql)> Steps)> Segments(IReadOnlyList<(PlanStep Step, string Sql)> steps, TransactionMode mode)
    {
        if (mode != TransactionMode.PerScript) { if (steps.Count > 0) yield return (mode, steps.ToList()); yield break; }
        var current = new List<(PlanStep, string)>();
        foreach (var step in steps)
        {
            if (!step.Step.OutsideTransaction) { current.Add(step); continue; }
            if (current.Count > 0) { yield return (TransactionMode.PerScript, current); current = []; }
            yield return (TransactionMode.None, [step]);
        }
        if (current.Count > 0) yield return (TransactionMode.PerScript, current);
    }

    // Pipelined, several scripts: the whole segment as one DbUp script, one round trip (see PipelinedBatch).
    private static (IReadOnlyList<ExecutedScript> Stored, ScriptRunResult? Failure) RunBatch(ScriptEngineConfiguration configuration, JournalTable journal,
        List<(PlanStep Step, string Sql)> steps, int journalRows, CancellationToken cancellationToken)
    {
        var engine = configuration.Engine;
        var clock = new Stopwatch();
        var writer = new JournalWriter(engine, journal, exists: true);
        var names = configuration.Variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var setup = engine.SessionSetupSql(configuration.StatementTimeout, configuration.Schema);
        var batch = new PipelinedBatch(steps.Select(s => s.Step).ToList(),
            (setup is null ? "" : setup + ";\n") + string.Join(";\n", steps.Select(s => Transaction(s.Sql, writer, s.Step, names))), clock);
        var dbUpSchema = configuration.Variables.FirstOrDefault(v => v.Name == "schema" && v.Kind == VariableKind.Raw)?.Value;
        var result = Perform(engine, dbUpSchema, null, configuration.StatementTimeout, TransactionMode.PerScript, true,
            new global::DbUp.ScriptProviders.StaticScriptProvider([batch.Script]), batch, new VariablePreprocessor(configuration.Variables, engine, clock), configuration.Log, cancellationToken,
            _ => configuration.Log.Info($"applying {string.Join(", ", steps.Select(s => s.Step.Name))} (one batch, a transaction per script)"));
        if (result.Successful) return (batch.Stored, null);
        // The server stopped at the failing script: the scripts before it committed, each with its row.
        int committed;
        try { committed = Math.Clamp(CountRows(engine, writer) - journalRows, 0, steps.Count); }
        catch (DbException e)
        {
            return ([], ScriptRunResult.Failed(ScriptFailure.ScriptFailed,
                $"the batch {batch.Script.Name} failed: {result.Error?.Message}; which of its scripts committed could not be read ({e.Message}): the journal says, and a rerun resumes from it", steps[0].Step.Name));
        }
        var stored = batch.Committed(committed);
        var cancelled = cancellationToken.IsCancellationRequested || result.Error is OperationCanceledException;
        var failed = committed < steps.Count ? steps[committed].Step.Name : null;
        var message = cancelled ? "cancelled before " + (failed ?? "the next script") : $"{failed ?? "a script"} failed: {result.Error?.Message}";
        return (stored, ScriptRunResult.Failed(cancelled ? ScriptFailure.Cancelled : ScriptFailure.ScriptFailed, message, failed ?? steps[0].Step.Name));
    }

    private static int CountRows(IDatabaseEngine engine, JournalWriter writer)
    {
        using var connection = engine.CreateConnection();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = writer.CountSql();
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static (IReadOnlyList<ExecutedScript> Stored, ScriptRunResult? Failure) RunSegment(ScriptEngineConfiguration configuration, JournalTable journal,
        TransactionMode mode, List<(PlanStep Step, string Sql)> steps, CancellationToken cancellationToken)
    {
        var engine = configuration.Engine;
        var clock = new Stopwatch();
        var writer = new JournalWriter(engine, journal, exists: true);
        var setup = engine.SessionSetupSql(configuration.StatementTimeout, configuration.Schema);
        // Pipelined: one round trip per script (setup, BEGIN, script, journal row, COMMIT), the same transaction per script.
        var pipelined = configuration.Pipelined && mode == TransactionMode.PerScript;
        var names = configuration.Variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var planned = steps.Select((s, i) => new PlannedScript(s.Step, pipelined ? Pipeline(setup, s.Sql, writer, s.Step, names) : s.Sql, i)).ToList();
        var byName = planned.ToDictionary(p => p.DbUpName, StringComparer.Ordinal);
        var adapter = new ScriptJournalAdapter(writer, byName, clock, inline: pipelined);
        var dbUpSchema = configuration.Variables.FirstOrDefault(v => v.Name == "schema" && v.Kind == VariableKind.Raw)?.Value;
        var result = Perform(engine, dbUpSchema, pipelined ? null : setup, configuration.StatementTimeout, mode, pipelined,
            new PlannedScriptProvider(planned), adapter, new VariablePreprocessor(configuration.Variables, engine, clock), configuration.Log, cancellationToken,
            name => configuration.Log.Info($"{(byName[name].Step.Direction == ScriptDirection.Up ? "applying" : "reverting")} {byName[name].Step.Name}{(mode == TransactionMode.None ? " (outside a transaction)" : "")}"));
        if (result.Successful) return (adapter.Stored, null);
        var failed = result.ErrorScript is { } script && byName.TryGetValue(script.Name, out var p) ? p.Step.Name : null;
        var cancelled = cancellationToken.IsCancellationRequested || result.Error is OperationCanceledException;
        var message = cancelled && failed is null
            ? "cancelled before " + (planned.FirstOrDefault(s => adapter.Stored.All(e => e.Name != s.Step.Name))?.Step.Name ?? "the next script")
            : $"{failed ?? "a script"} failed: {result.Error?.Message}" + mode switch
            {
                TransactionMode.WholeRun => " (the whole run was rolled back)",
                TransactionMode.None => " (it ran outside a transaction: its statements before the failing one stay applied, and it is not journaled)",
                _ => "",
            };
        // In a single transaction the rows DbUp stored were rolled back with the scripts.
        var kept = mode == TransactionMode.WholeRun ? [] : adapter.Stored;
        return (kept, ScriptRunResult.Failed(cancelled ? ScriptFailure.Cancelled : ScriptFailure.ScriptFailed, message, failed ?? planned.FirstOrDefault()?.Step.Name));
    }
}
