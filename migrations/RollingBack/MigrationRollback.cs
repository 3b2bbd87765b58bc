using Toolkit.Core.Diagnostics;
using Toolkit.Migrations.Applying;
using Toolkit.Migrations.Backups;
using Toolkit.Migrations.Configuring;
using Toolkit.Migrations.Git;
using Toolkit.Migrations.Journal;
using Toolkit.Migrations.Paths;
using Toolkit.Migrations.Planning;

namespace Toolkit.Migrations.RollingBack;

/// <summary>How to roll back.</summary>
/// <param name="AppRoot">The app root, when not the plan's.</param>
/// <param name="Scripts">Runs down scripts; needed when the journal lists applied scripts.</param>
/// <param name="Log">Receives one line per step.</param>
/// <param name="DataCopyTarget">Connection string of the database a data copy went into; it is emptied again.</param>
public sealed record RollbackOptions(string? AppRoot = null, IMigrationScriptRunner? Scripts = null, Action<string>? Log = null, string? DataCopyTarget = null);

/// <summary>One rollback step as it ran: the plan's step, and whether its verification passed (with detail).</summary>
public sealed record RollbackStepResult(RollbackAction Action, string Description, bool Verified, string Detail);

/// <summary>How a rollback ended: every step and its verification.</summary>
public sealed record RollbackOutcome(string PlanId, IReadOnlyList<RollbackStepResult> Steps)
{
    /// <summary>True when every automated step verified.</summary>
    public bool Verified => Steps.Where(s => s.Action != RollbackAction.Manual).All(s => s.Verified);
}

/// <summary>
/// Undoes an apply, finished or interrupted (the journal says how far it got): restores every file of the
/// app from the backup ref, runs the down scripts of the scripts that ran, checks toolkit.yaml is back,
/// and verifies each step. Works from the backup ref alone when a crash left no journal.
/// </summary>
public sealed class MigrationRollback(MigrationPlanner planner)
{
    /// <summary>Rolls back <paramref name="plan"/>; MIG050 when it was never applied here.</summary>
    public async Task<RollbackOutcome> RollbackAsync(MigrationPlan plan, RollbackOptions options, CancellationToken cancellationToken = default)
    {
        var log = options.Log ?? (_ => { });
        var appRoot = Path.GetFullPath(options.AppRoot ?? plan.App.Root);
        var repository = await GitRepository.OpenAsync(appRoot, cancellationToken);
        var gate = AppPaths.For(appRoot);
        var journal = new MigrationJournal(repository.GitDirectory);
        var state = journal.Read(plan.Id);
        var backupRef = WorkingTreeBackup.RefFor(plan.Id);
        var backup = await repository.ResolveAsync(backupRef, cancellationToken);

        if (backup is null)
        {
            if (state is null)
                throw new DiagnosticException(Diagnostic.Error("MIG050",
                    $"plan {plan.Id} was never applied in '{repository.TopLevel}' (no {backupRef}); nothing to roll back."));
            // Killed before the backup was recorded: no file was written yet.
            journal.Write(state with { Phase = MigrationPhase.RolledBack, Message = "interrupted before any change" });
            journal.Append(plan.Id, "rollback", "rolled-back", "nothing had changed");
            return new RollbackOutcome(plan.Id, [new RollbackStepResult(RollbackAction.RestoreFiles, "no backup was recorded, so no file had changed", true, "")]);
        }
        if (state is not null && state.BackupCommit is { } recorded && recorded != backup)
            throw new DiagnosticException(Diagnostic.Error("MIG051", $"{backupRef} points to {backup}, but the journal recorded {recorded}; refusing to restore from a ref that moved."));

        state ??= new MigrationState(plan.Id, plan.Swaps, plan.App.PathInRepository, backupRef, backup, MigrationPhase.RollingBack, [], [], null);
        journal.Write(state with { Phase = MigrationPhase.RollingBack });
        var steps = new List<RollbackStepResult>();

        log($"restoring files from {backupRef}");
        var added = plan.FileChanges.Where(c => c.ChangeType == ChangeType.Add).Select(c => c.Path);
        var report = await FileRestorer.RestoreAsync(repository, backup, plan.App.PathInRepository, gate, added, cancellationToken);
        steps.Add(new RollbackStepResult(RollbackAction.RestoreFiles,
            $"restored {report.Restored.Count} file(s), deleted {report.Deleted.Count} added file(s)", report.Verified,
            report.Verified ? $"all {report.FilesInBackup} file(s) equal the backup"
                : $"differ: {string.Join(", ", report.Mismatched)}; extra: {string.Join(", ", report.Extra)}"));

        // A script commits with its journal row before the state file lists it, so a killed apply may have run
        // one more script than the state says: once the scripts phase was reached, the database's journal decides.
        var scriptsMayHaveRun = plan.DatabaseMigrations.Count > 0 && state.Phase is not (MigrationPhase.BackingUp or MigrationPhase.WritingFiles);
        if (scriptsMayHaveRun)
        {
            if (options.Scripts is null)
                steps.Add(new RollbackStepResult(RollbackAction.RestoreDatabase, "down scripts not run", false,
                    $"database scripts of this plan may have run ({string.Join(", ", plan.DatabaseMigrations.Select(d => d.Id))}); pass --database-env NAME to run their down scripts"));
            else
            {
                // The files are back as planned from, so planning again gives the same (unmasked) scripts.
                var prepared = (await planner.PlanAsync(appRoot, plan.Swaps, plan.SwapOptions, cancellationToken)).Scripts;
                var ran = 0;
                foreach (var script in prepared.AsEnumerable().Reverse())
                {
                    if (!await options.Scripts.IsAppliedAsync(script.Id, cancellationToken)) continue;
                    log($"running down script of {script.Id}");
                    await options.Scripts.DownAsync(script, cancellationToken);
                    ran++;
                }
                var stillApplied = new List<string>();
                foreach (var script in prepared)
                    if (await options.Scripts.IsAppliedAsync(script.Id, cancellationToken)) stillApplied.Add(script.Id);
                steps.Add(new RollbackStepResult(RollbackAction.RestoreDatabase, $"ran {ran} down script(s)", stillApplied.Count == 0,
                    stillApplied.Count == 0 ? "the database's journal lists none of the plan's scripts as applied" : "still applied: " + string.Join(", ", stillApplied)));
            }
        }

        if (state.DataCopyStarted)
        {
            if (options.DataCopyTarget is null)
                steps.Add(new RollbackStepResult(RollbackAction.RestoreDatabase, "copied data not removed", false,
                    "data was copied into a target database; pass --target-database-env NAME to empty it again"));
            else
            {
                log("emptying the data copy's target database");
                var left = await DataCopy.TargetReset.ResetAsync(options.DataCopyTarget, cancellationToken);
                steps.Add(new RollbackStepResult(RollbackAction.RestoreDatabase, "dropped what the data copy created in the target database", left.Count == 0,
                    left.Count == 0 ? "the target database holds no user objects again, as before the copy" : "left: " + string.Join(", ", left.Take(10))));
            }
        }

        if (plan.ConfigChanges.Count > 0)
        {
            var yaml = File.ReadAllText(gate.Resolve(ToolkitYamlTechnology.FileName));
            var wrong = plan.ConfigChanges.Where(c => ToolkitYamlTechnology.Read(yaml, c.Category)?.Value != c.From).ToList();
            steps.Add(new RollbackStepResult(RollbackAction.RevertConfig,
                "toolkit.yaml restored with the files", wrong.Count == 0,
                wrong.Count == 0 ? string.Join(", ", plan.ConfigChanges.Select(c => $"technologies.{c.Category} = {c.From}"))
                    : "not reverted: " + string.Join(", ", wrong.Select(c => c.Category))));
        }

        if (plan.ManualSteps.Count > 0)
            steps.Add(new RollbackStepResult(RollbackAction.Manual, $"{plan.ManualSteps.Count} manual step(s) of the plan to undo by hand", true,
                string.Join("; ", plan.ManualSteps.Select(m => $"{m.Path}:{m.Line}"))));

        var outcome = new RollbackOutcome(plan.Id, steps);
        journal.Write(state with
        {
            Phase = outcome.Verified ? MigrationPhase.RolledBack : MigrationPhase.RollingBack,
            DataCopyStarted = state.DataCopyStarted && !steps.Any(s => s.Action == RollbackAction.RestoreDatabase && s.Verified && s.Description.StartsWith("dropped", StringComparison.Ordinal)),
            ScriptsApplied = steps.Any(s => s.Action == RollbackAction.RestoreDatabase && s.Verified && s.Description.StartsWith("ran", StringComparison.Ordinal)) ? [] : state.ScriptsApplied,
            Message = outcome.Verified ? null : "rollback did not verify",
        });
        journal.Append(plan.Id, "rollback", outcome.Verified ? "rolled-back" : "unverified", string.Join("; ", steps.Select(s => s.Description)));
        return outcome;
    }
}
