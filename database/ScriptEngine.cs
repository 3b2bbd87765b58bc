using System.Data.Common;
using System.Diagnostics;
using Toolkit.Core.Diagnostics;
using Toolkit.Database.Execution;
using Toolkit.Database.Journal;
using Toolkit.Database.Linting;
using Toolkit.Database.Scripts;

namespace Toolkit.Database;

/// <summary>
/// Applies and rolls back scripts against one database, recording each in the journal. Built by
/// <see cref="ScriptEngineBuilder"/>. Every operation returns a value (<see cref="ScriptRunResult"/>,
/// <see cref="ScriptPlan"/>, <see cref="JournalStatus"/>); failures are values, not exceptions.
/// </summary>
public sealed partial class ScriptEngine
{
    private readonly IJournal _journal;
    private readonly IScriptExecutor _executor;
    private readonly IReadOnlySet<string> _variableNames;

    internal ScriptEngine(ScriptEngineConfiguration configuration)
    {
        Configuration = configuration;
        _journal = new TableJournal(configuration.Engine, configuration.Journal);
        _executor = new ScriptExecutor(configuration.StatementTimeout);
        _variableNames = configuration.Variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>What the engine was built with.</summary>
    public ScriptEngineConfiguration Configuration { get; }

    /// <summary>The scripts, as the provider gives them (throws <see cref="DiagnosticException"/> for bad files).</summary>
    public IReadOnlyList<DatabaseScript> GetScripts() => Configuration.Scripts.GetScripts();

    /// <summary>Lint findings for the up scripts not yet applied.</summary>
    public async Task<IReadOnlyList<Diagnostic>> LintPendingAsync(CancellationToken cancellationToken = default)
    {
        var plan = await PlanAsync(cancellationToken);
        return plan.Diagnostics;
    }

    /// <summary>Applied, pending, changed and missing scripts. Reads only; the journal is not created.</summary>
    public async Task<JournalStatus> StatusAsync(CancellationToken cancellationToken = default)
    {
        var scripts = GetScripts();
        await using var connection = await OpenAsync(cancellationToken);
        var applied = Applied(await _journal.ReadAsync(connection, cancellationToken));
        return StatusOf(scripts, applied);
    }

    /// <summary>What <see cref="MigrateAsync"/> would run, with lint findings and any refusal. Changes nothing.</summary>
    public async Task<ScriptPlan> PlanAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<DatabaseScript> scripts;
        try { scripts = GetScripts(); }
        catch (DiagnosticException e) { return Refused(ScriptDirection.Up, ScriptFailure.InvalidScripts, e.Diagnostics); }
        await using var connection = await OpenAsync(cancellationToken);
        var applied = Applied(await _journal.ReadAsync(connection, cancellationToken));
        return PlanUp(scripts, applied);
    }

    /// <summary>What <see cref="RollbackToAsync"/> would run. Changes nothing.</summary>
    public async Task<ScriptPlan> PlanRollbackAsync(string toVersion, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<DatabaseScript> scripts;
        try { scripts = GetScripts(); }
        catch (DiagnosticException e) { return Refused(ScriptDirection.Down, ScriptFailure.InvalidScripts, e.Diagnostics); }
        await using var connection = await OpenAsync(cancellationToken);
        var applied = Applied(await _journal.ReadAsync(connection, cancellationToken));
        return PlanDown(scripts, applied, toVersion);
    }

    /// <summary>Applies every pending script in name order. Nothing runs when the plan is refused.</summary>
    public async Task<ScriptRunResult> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var (scripts, opened, failure) = await StartAsync(cancellationToken);
        if (failure is not null) return failure;
        await using (var connection = opened!)
        {
            var applied = Applied(await _journal.ReadAsync(connection, cancellationToken));
            var plan = PlanUp(scripts, applied);
            if (plan.Refusal != ScriptFailure.None)
                return ScriptRunResult.Failed(plan.Refusal, plan.RefusalMessage!, plan.RefusedScript, diagnostics: plan.Diagnostics);
            foreach (var warning in plan.Diagnostics) Configuration.Log.Warning(warning.ToString());
            if (plan.Steps.Count == 0) return new ScriptRunResult { Executed = [], Diagnostics = plan.Diagnostics };
            await _journal.EnsureAsync(connection, cancellationToken);
            var byName = scripts.ToDictionary(s => s.Name, StringComparer.Ordinal);
            var steps = plan.Steps.Select(s => (Step: s, Sql: byName[s.Name].Up)).ToList();
            var result = await RunAsync(connection, steps, cancellationToken);
            return result with { Diagnostics = plan.Diagnostics };
        }
    }

    /// <summary>
    /// Runs the down scripts of every applied script newer than <paramref name="toVersion"/>, newest first.
    /// Refused, with nothing run, when one of them is one-way (the result names it). <c>0</c> rolls back everything.
    /// </summary>
    public Task<ScriptRunResult> RollbackToAsync(string toVersion, CancellationToken cancellationToken = default) =>
        RollBackAsync((scripts, applied) => PlanDown(scripts, applied, toVersion), cancellationToken);

    /// <summary>
    /// Runs the down scripts of those of <paramref name="scriptNames"/> that are applied, newest first (names not
    /// applied are skipped). Refused, with nothing run, when one of them is one-way or not among the scripts.
    /// Unlike <see cref="RollbackToAsync"/> it leaves every other applied script alone, so several script sets
    /// can share one journal (the migration plans' swap scripts do).
    /// </summary>
    public Task<ScriptRunResult> RollbackScriptsAsync(IReadOnlyCollection<string> scriptNames, CancellationToken cancellationToken = default) =>
        RollBackAsync((scripts, applied) =>
        {
            var chosen = scriptNames.Where(applied.ContainsKey).Distinct(StringComparer.Ordinal).OrderByDescending(n => n, StringComparer.Ordinal).ToList();
            return PlanDownOf(scripts.ToDictionary(s => s.Name, StringComparer.Ordinal), applied, chosen, $"roll back {string.Join(", ", chosen)}");
        }, cancellationToken);

    // Every rollback: open a session, read the journal, let `plan` choose the down steps, run them unless refused.
    private async Task<ScriptRunResult> RollBackAsync(
        Func<IReadOnlyList<DatabaseScript>, IReadOnlyDictionary<string, AppliedScript>, ScriptPlan> plan, CancellationToken cancellationToken)
    {
        var (scripts, opened, failure) = await StartAsync(cancellationToken);
        if (failure is not null) return failure;
        await using (var connection = opened!)
        {
            var down = plan(scripts, Applied(await _journal.ReadAsync(connection, cancellationToken)));
            if (down.Refusal != ScriptFailure.None)
                return ScriptRunResult.Failed(down.Refusal, down.RefusalMessage!, down.RefusedScript, diagnostics: down.Diagnostics);
            if (down.Steps.Count == 0) return new ScriptRunResult { Executed = [] };
            var byName = scripts.ToDictionary(s => s.Name, StringComparer.Ordinal);
            var steps = down.Steps.Select(s => (Step: s, Sql: byName[s.Name].Down!)).ToList();
            return await RunAsync(connection, steps, cancellationToken);
        }
    }

    /// <summary>
    /// The start of every run that changes the database: the scripts, and an open session; or, as a value,
    /// why neither could be had (bad script files, no connection).
    /// </summary>
    private async Task<(IReadOnlyList<DatabaseScript> Scripts, DbConnection? Connection, ScriptRunResult? Failure)> StartAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<DatabaseScript> scripts;
        try { scripts = GetScripts(); }
        catch (DiagnosticException e) { return ([], null, ScriptRunResult.Failed(ScriptFailure.InvalidScripts, "the scripts are invalid", diagnostics: e.Diagnostics)); }
        try { return (scripts, await OpenAsync(cancellationToken), null); }
        catch (Exception e) when (e is DbException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return (scripts, null, ScriptRunResult.Failed(ScriptFailure.Connection, $"cannot connect to {Configuration.Engine.DisplayConnection}: {e.Message}"));
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await Configuration.Engine.OpenAsync(cancellationToken);
        if (Configuration.Engine.SessionSetupSql(Configuration.StatementTimeout, Configuration.Schema) is { } setup)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = setup;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return connection;
    }

    private async Task<ScriptRunResult> RunAsync(DbConnection connection, IReadOnlyList<(PlanStep Step, string Sql)> steps, CancellationToken cancellationToken)
    {
        var executed = new List<ExecutedScript>();
        var wholeRun = Configuration.TransactionMode == TransactionMode.WholeRun;
        DbTransaction? runTransaction = wholeRun ? await connection.BeginTransactionAsync(cancellationToken) : null;
        foreach (var (step, raw) in steps)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                if (runTransaction is not null) { await runTransaction.RollbackAsync(CancellationToken.None); executed.Clear(); }
                return ScriptRunResult.Failed(ScriptFailure.Cancelled, "cancelled before " + step.Name, step.Name, executed);
            }
            var sql = VariableSubstitution.Apply(raw, Configuration.Variables, Configuration.Engine);
            var verb = step.Direction == ScriptDirection.Up ? "applying" : "reverting";
            Configuration.Log.Info($"{verb} {step.Name}{(step.OutsideTransaction ? " (outside a transaction)" : "")}");
            var watch = Stopwatch.StartNew();
            var transaction = runTransaction ?? (step.OutsideTransaction ? null : await connection.BeginTransactionAsync(cancellationToken));
            try
            {
                await _executor.ExecuteAsync(connection, transaction, sql, statementByStatement: transaction is null, cancellationToken);
                var entry = new JournalEntry(step.Name, step.Checksum, DateTimeOffset.UtcNow, watch.Elapsed, step.Direction);
                await _journal.RecordAsync(connection, transaction, entry, cancellationToken);
                if (transaction is not null && runTransaction is null) await transaction.CommitAsync(cancellationToken);
                executed.Add(new ExecutedScript(step.Name, step.Checksum, step.OneWay, step.Direction, watch.Elapsed));
            }
            catch (Exception e) when (e is DbException or InvalidOperationException or OperationCanceledException or TimeoutException)
            {
                if (transaction is not null) await SafeRollback(transaction);
                if (runTransaction is not null) executed.Clear();
                if (transaction is not null && runTransaction is null) await transaction.DisposeAsync();
                var message = $"{step.Name} failed: {e.Message}" + (wholeRun ? " (the whole run was rolled back)" : "");
                Configuration.Log.Error(message);
                return ScriptRunResult.Failed(e is OperationCanceledException ? ScriptFailure.Cancelled : ScriptFailure.ScriptFailed, message, step.Name, executed);
            }
            if (transaction is not null && runTransaction is null) await transaction.DisposeAsync();
        }
        if (runTransaction is not null)
        {
            await runTransaction.CommitAsync(cancellationToken);
            await runTransaction.DisposeAsync();
        }
        return new ScriptRunResult { Executed = executed };
    }

    private static async Task SafeRollback(DbTransaction transaction)
    {
        try { await transaction.RollbackAsync(CancellationToken.None); }
        catch (Exception e) when (e is DbException or InvalidOperationException) { /* the connection is gone; the server rolled back */ }
    }
}
