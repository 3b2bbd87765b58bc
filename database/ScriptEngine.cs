using System.Data.Common;
using System.Diagnostics;
using Toolkit.Core.Diagnostics;
using Toolkit.Database.Execution;
using Toolkit.Database.Execution.DbUp;
using Toolkit.Database.Journal.Foreign;
using Toolkit.Database.Journal;
using Toolkit.Database.Linting;
using Toolkit.Database.Scripts;

namespace Toolkit.Database;

/// <summary>
/// Applies and rolls back scripts against one database, recording each in the journal; the scripts run through
/// DbUp's engine (see <see cref="Execution.DbUp"/>), the planning (order, checksums, lint, down scripts) is ours. Built by
/// <see cref="ScriptEngineBuilder"/>. Every operation returns a value (<see cref="ScriptRunResult"/>,
/// <see cref="ScriptPlan"/>, <see cref="JournalStatus"/>); failures are values, not exceptions.
/// </summary>
public sealed partial class ScriptEngine
{
    private readonly TableJournal _journal;
    private readonly IReadOnlySet<string> _variableNames;

    internal ScriptEngine(ScriptEngineConfiguration configuration)
    {
        Configuration = configuration;
        _journal = new TableJournal(configuration.Engine, configuration.Journal);
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
        var (applied, _, _) = await ReadJournalAsync(cancellationToken);
        return StatusOf(scripts, applied);
    }

    /// <summary>What <see cref="MigrateAsync"/> would run, with lint findings and any refusal. Changes nothing.</summary>
    public async Task<ScriptPlan> PlanAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<DatabaseScript> scripts;
        try { scripts = GetScripts(); }
        catch (DiagnosticException e) { return Refused(ScriptDirection.Up, ScriptFailure.InvalidScripts, e.Diagnostics); }
        var (applied, foreign, _) = await ReadJournalAsync(cancellationToken);
        if (foreign is not null) return new ScriptPlan(ScriptDirection.Up, [], [], ScriptFailure.ForeignJournal, foreign.Refusal(), null);
        return PlanUp(scripts, applied);
    }

    /// <summary>What <see cref="RollbackToAsync"/> would run. Changes nothing.</summary>
    public async Task<ScriptPlan> PlanRollbackAsync(string toVersion, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<DatabaseScript> scripts;
        try { scripts = GetScripts(); }
        catch (DiagnosticException e) { return Refused(ScriptDirection.Down, ScriptFailure.InvalidScripts, e.Diagnostics); }
        var (applied, _, _) = await ReadJournalAsync(cancellationToken);
        return PlanDown(scripts, applied, toVersion);
    }

    /// <summary>
    /// Applies every pending script in order (repeatable scripts after the versioned ones, when new or changed), through
    /// DbUp. Nothing runs when the plan is refused: a changed script, a blocking lint finding, or a database that
    /// another tool's journal (DbUp, Flyway) says is migrated while ours is absent.
    /// </summary>
    public async Task<ScriptRunResult> MigrateAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<DatabaseScript> scripts;
        try { scripts = GetScripts(); }
        catch (DiagnosticException e) { return ScriptRunResult.Failed(ScriptFailure.InvalidScripts, "the scripts are invalid", diagnostics: e.Diagnostics); }
        var read = await TryReadJournalAsync(cancellationToken);
        if (read.Failure is not null) return read.Failure;
        if (read.Foreign is not null) return ScriptRunResult.Failed(ScriptFailure.ForeignJournal, read.Foreign.Refusal());
        var plan = PlanUp(scripts, read.Applied);
        if (plan.Refusal != ScriptFailure.None)
            return ScriptRunResult.Failed(plan.Refusal, plan.RefusalMessage!, plan.RefusedScript, diagnostics: plan.Diagnostics);
        if (plan.Steps.Count == 0) return new ScriptRunResult { Executed = [], Diagnostics = plan.Diagnostics };
        var byName = scripts.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var steps = plan.Steps.Select(s => (Step: s, Sql: byName[s.Name].Up)).ToList();
        // Created before DbUp starts, outside any transaction: a single-transaction run that rolls back keeps it.
        if (!Configuration.JournalExists) await EnsureJournalAsync(cancellationToken);
        var result = await DbUpRun.RunAsync(Configuration, Configuration.Journal, steps, cancellationToken, read.Rows);
        return result with { Diagnostics = plan.Diagnostics };
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
            var repeatable = scripts.Where(s => s.IsRepeatable).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
            var chosen = scriptNames.Where(n => applied.ContainsKey(n) && !repeatable.Contains(n)).Distinct(StringComparer.Ordinal).OrderByDescending(n => n, StringComparer.Ordinal).ToList();
            return PlanDownOf(scripts.ToDictionary(s => s.Name, StringComparer.Ordinal), applied, chosen, $"roll back {string.Join(", ", chosen)}");
        }, cancellationToken);

    // Every rollback: read the journal, let `plan` choose the down steps, run them (through DbUp) unless refused.
    private async Task<ScriptRunResult> RollBackAsync(
        Func<IReadOnlyList<DatabaseScript>, IReadOnlyDictionary<string, AppliedScript>, ScriptPlan> plan, CancellationToken cancellationToken)
    {
        IReadOnlyList<DatabaseScript> scripts;
        try { scripts = GetScripts(); }
        catch (DiagnosticException e) { return ScriptRunResult.Failed(ScriptFailure.InvalidScripts, "the scripts are invalid", diagnostics: e.Diagnostics); }
        var read = await TryReadJournalAsync(cancellationToken);
        if (read.Failure is not null) return read.Failure;
        var down = plan(scripts, read.Applied);
        if (down.Refusal != ScriptFailure.None)
            return ScriptRunResult.Failed(down.Refusal, down.RefusalMessage!, down.RefusedScript, diagnostics: down.Diagnostics);
        if (down.Steps.Count == 0) return new ScriptRunResult { Executed = [], KeptRepeatable = down.KeptRepeatable };
        var byName = scripts.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var steps = down.Steps.Select(s => (Step: s, Sql: byName[s.Name].Down!)).ToList();
        return await DbUpRun.RunAsync(Configuration, Configuration.Journal, steps, cancellationToken, read.Rows) with { KeptRepeatable = down.KeptRepeatable };
    }

    private async Task EnsureJournalAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Configuration.Engine.OpenAsync(cancellationToken);
        await _journal.EnsureAsync(connection, cancellationToken);
    }

    private async Task<(IReadOnlyDictionary<string, AppliedScript> Applied, ForeignJournal? Foreign, int Rows, ScriptRunResult? Failure)> TryReadJournalAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (applied, foreign, rows) = await ReadJournalAsync(cancellationToken);
            return (applied, foreign, rows, null);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return (new Dictionary<string, AppliedScript>(), null, 0, ScriptRunResult.Failed(ScriptFailure.Connection, $"cannot connect to {Configuration.Engine.DisplayConnection}: {e.Message}"));
        }
    }

    /// <summary>
    /// The journal's applied scripts (given up front by a fan-out that read every tenant's rows at once, or read here),
    /// and, when our journal does not exist yet, another tool's journal in its place (unless the guard is off); and how
    /// many rows the journal has (this target's, in a shared journal), from which a batch that failed midway tells
    /// which of its scripts committed.
    /// </summary>
    private async Task<(IReadOnlyDictionary<string, AppliedScript> Applied, ForeignJournal? Foreign, int Rows)> ReadJournalAsync(CancellationToken cancellationToken)
    {
        if (Configuration.KnownJournal is { } known) return (Applied(known), null, known.Count);
        await using var connection = await Configuration.Engine.OpenAsync(cancellationToken);
        if (!await _journal.ExistsAsync(connection, cancellationToken))
        {
            var foreign = Configuration.GuardForeignJournals
                ? await ForeignJournals.FindAsync(connection, Configuration.Engine, ForeignJournalSchemas, Configuration.FlywayTable, cancellationToken)
                : null;
            return (new Dictionary<string, AppliedScript>(), foreign, 0);
        }
        var entries = await _journal.ReadAsync(connection, cancellationToken);
        return (Applied(entries), null, entries.Count);
    }

    // Where DbUp and Flyway put their journals for this run: the run's schema, the journal's, else public.
    private IReadOnlyList<string> ForeignJournalSchemas =>
        new[] { Configuration.Schema ?? Configuration.Journal.Schema ?? "public", Configuration.Journal.Schema }.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
}
