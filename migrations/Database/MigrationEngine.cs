using System.Data.Common;
using System.Diagnostics;
using Toolkit.Core.Diagnostics;
using Toolkit.Migrations.Database.Execution;
using Toolkit.Migrations.Database.Journal;
using Toolkit.Migrations.Database.Linting;
using Toolkit.Migrations.Database.Scripts;

namespace Toolkit.Migrations.Database;

/// <summary>
/// Applies and rolls back scripts against one database, recording each in the journal. Built by
/// <see cref="MigrationEngineBuilder"/>. Every operation returns a value (<see cref="MigrationResult"/>,
/// <see cref="MigrationPlan"/>, <see cref="MigrationStatus"/>); failures are values, not exceptions.
/// </summary>
public sealed partial class MigrationEngine
{
    private readonly IJournal _journal;
    private readonly IScriptExecutor _executor;
    private readonly IReadOnlySet<string> _variableNames;

    internal MigrationEngine(MigrationConfiguration configuration)
    {
        Configuration = configuration;
        _journal = new TableJournal(configuration.Engine, configuration.Journal);
        _executor = new ScriptExecutor(configuration.StatementTimeout);
        _variableNames = configuration.Variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>What the engine was built with.</summary>
    public MigrationConfiguration Configuration { get; }

    /// <summary>The scripts, as the provider gives them (throws <see cref="DiagnosticException"/> for bad files).</summary>
    public IReadOnlyList<MigrationScript> GetScripts() => Configuration.Scripts.GetScripts();

    /// <summary>Lint findings for the up scripts not yet applied.</summary>
    public async Task<IReadOnlyList<Diagnostic>> LintPendingAsync(CancellationToken cancellationToken = default)
    {
        var plan = await PlanAsync(cancellationToken);
        return plan.Diagnostics;
    }

    /// <summary>Applied, pending, changed and missing scripts. Reads only; the journal is not created.</summary>
    public async Task<MigrationStatus> StatusAsync(CancellationToken cancellationToken = default)
    {
        var scripts = GetScripts();
        await using var connection = await OpenAsync(cancellationToken);
        var applied = Applied(await _journal.ReadAsync(connection, cancellationToken));
        return StatusOf(scripts, applied);
    }

    /// <summary>What <see cref="MigrateAsync"/> would run, with lint findings and any refusal. Changes nothing.</summary>
    public async Task<MigrationPlan> PlanAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<MigrationScript> scripts;
        try { scripts = GetScripts(); }
        catch (DiagnosticException e) { return Refused(ScriptDirection.Up, MigrationFailure.InvalidScripts, e.Diagnostics); }
        await using var connection = await OpenAsync(cancellationToken);
        var applied = Applied(await _journal.ReadAsync(connection, cancellationToken));
        return PlanUp(scripts, applied);
    }

    /// <summary>What <see cref="RollbackToAsync"/> would run. Changes nothing.</summary>
    public async Task<MigrationPlan> PlanRollbackAsync(string toVersion, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<MigrationScript> scripts;
        try { scripts = GetScripts(); }
        catch (DiagnosticException e) { return Refused(ScriptDirection.Down, MigrationFailure.InvalidScripts, e.Diagnostics); }
        await using var connection = await OpenAsync(cancellationToken);
        var applied = Applied(await _journal.ReadAsync(connection, cancellationToken));
        return PlanDown(scripts, applied, toVersion);
    }

    /// <summary>Applies every pending script in name order. Nothing runs when the plan is refused.</summary>
    public async Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var (scripts, opened, failure) = await StartAsync(cancellationToken);
        if (failure is not null) return failure;
        await using (var connection = opened!)
        {
            var applied = Applied(await _journal.ReadAsync(connection, cancellationToken));
            var plan = PlanUp(scripts, applied);
            if (plan.Refusal != MigrationFailure.None)
                return MigrationResult.Failed(plan.Refusal, plan.RefusalMessage!, plan.RefusedScript, diagnostics: plan.Diagnostics);
            foreach (var warning in plan.Diagnostics) Configuration.Log.Warning(warning.ToString());
            if (plan.Steps.Count == 0) return new MigrationResult { Executed = [], Diagnostics = plan.Diagnostics };
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
    public Task<MigrationResult> RollbackToAsync(string toVersion, CancellationToken cancellationToken = default) =>
        RollBackAsync((scripts, applied) => PlanDown(scripts, applied, toVersion), cancellationToken);

    /// <summary>
    /// Runs the down scripts of those of <paramref name="scriptNames"/> that are applied, newest first (names not
    /// applied are skipped). Refused, with nothing run, when one of them is one-way or not among the scripts.
    /// Unlike <see cref="RollbackToAsync"/> it leaves every other applied script alone, so several script sets
    /// can share one journal (the migration plans' swap scripts do).
    /// </summary>
    public Task<MigrationResult> RollbackScriptsAsync(IReadOnlyCollection<string> scriptNames, CancellationToken cancellationToken = default) =>
        RollBackAsync((scripts, applied) =>
        {
            var chosen = scriptNames.Where(applied.ContainsKey).Distinct(StringComparer.Ordinal).OrderByDescending(n => n, StringComparer.Ordinal).ToList();
            return PlanDownOf(scripts.ToDictionary(s => s.Name, StringComparer.Ordinal), applied, chosen, $"roll back {string.Join(", ", chosen)}");
        }, cancellationToken);

    // Every rollback: open a session, read the journal, let `plan` choose the down steps, run them unless refused.
    private async Task<MigrationResult> RollBackAsync(
        Func<IReadOnlyList<MigrationScript>, IReadOnlyDictionary<string, AppliedScript>, MigrationPlan> plan, CancellationToken cancellationToken)
    {
        var (scripts, opened, failure) = await StartAsync(cancellationToken);
        if (failure is not null) return failure;
        await using (var connection = opened!)
        {
            var down = plan(scripts, Applied(await _journal.ReadAsync(connection, cancellationToken)));
            if (down.Refusal != MigrationFailure.None)
                return MigrationResult.Failed(down.Refusal, down.RefusalMessage!, down.RefusedScript, diagnostics: down.Diagnostics);
            if (down.Steps.Count == 0) return new MigrationResult { Executed = [] };
            var byName = scripts.ToDictionary(s => s.Name, StringComparer.Ordinal);
            var steps = down.Steps.Select(s => (Step: s, Sql: byName[s.Name].Down!)).ToList();
            return await RunAsync(connection, steps, cancellationToken);
        }
    }

    /// <summary>
    /// The start of every run that changes the database: the scripts, and an open session; or, as a value,
    /// why neither could be had (bad script files, no connection).
    /// </summary>
    private async Task<(IReadOnlyList<MigrationScript> Scripts, DbConnection? Connection, MigrationResult? Failure)> StartAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<MigrationScript> scripts;
        try { scripts = GetScripts(); }
        catch (DiagnosticException e) { return ([], null, MigrationResult.Failed(MigrationFailure.InvalidScripts, "the scripts are invalid", diagnostics: e.Diagnostics)); }
        try { return (scripts, await OpenAsync(cancellationToken), null); }
        catch (Exception e) when (e is DbException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return (scripts, null, MigrationResult.Failed(MigrationFailure.Connection, $"cannot connect to {Configuration.Engine.DisplayConnection}: {e.Message}"));
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

    private async Task<MigrationResult> RunAsync(DbConnection connection, IReadOnlyList<(PlanStep Step, string Sql)> steps, CancellationToken cancellationToken)
    {
        var executed = new List<ExecutedScript>();
        var wholeRun = Configuration.TransactionMode == TransactionMode.WholeRun;
        DbTransaction? runTransaction = wholeRun ? await connection.BeginTransactionAsync(cancellationToken) : null;
        foreach (var (step, raw) in steps)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                if (runTransaction is not null) { await runTransaction.RollbackAsync(CancellationToken.None); executed.Clear(); }
                return MigrationResult.Failed(MigrationFailure.Cancelled, "cancelled before " + step.Name, step.Name, executed);
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
                return MigrationResult.Failed(e is OperationCanceledException ? MigrationFailure.Cancelled : MigrationFailure.ScriptFailed, message, step.Name, executed);
            }
            if (transaction is not null && runTransaction is null) await transaction.DisposeAsync();
        }
        if (runTransaction is not null)
        {
            await runTransaction.CommitAsync(cancellationToken);
            await runTransaction.DisposeAsync();
        }
        return new MigrationResult { Executed = executed };
    }

    private static async Task SafeRollback(DbTransaction transaction)
    {
        try { await transaction.RollbackAsync(CancellationToken.None); }
        catch (Exception e) when (e is DbException or InvalidOperationException) { /* the connection is gone; the server rolled back */ }
    }
}
