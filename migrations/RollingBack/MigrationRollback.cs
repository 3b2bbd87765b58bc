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
/// <param name="Force">Restore the backup over files the user changed after the apply where they cannot be merged (their versions are saved first).</param>
public sealed record RollbackOptions(string? AppRoot = null, IMigrationScriptRunner? Scripts = null, Action<string>? Log = null, string? DataCopyTarget = null,
    bool Force = false);

/// <summary>One rollback step as it ran: the plan's step, and whether its verification passed (with detail).</summary>
public sealed record RollbackStepResult(RollbackAction Action, string Description, bool Verified, string Detail);

/// <summary>How a rollback ended: every step and its verification, and what happened to each file the plan changed.</summary>
public sealed record RollbackOutcome(string PlanId, IReadOnlyList<RollbackStepResult> Steps)
{
    /// <summary>True when every automated step verified.</summary>
    public bool Verified => Steps.Where(s => s.Action != RollbackAction.Manual).All(s => s.Verified);

    /// <summary>The decision for each file the plan changed.</summary>
    public IReadOnlyList<FileRollbackStep> Files { get; init; } = [];

    /// <summary>Where the user's versions of overwritten files were saved (<c>--force</c>), or null.</summary>
    public string? OverwrittenRef { get; init; }
}

/// <summary>
/// Undoes an apply, finished or interrupted (the journal says how far it got), and nothing else: each file
/// the plan changed gets its backup content back when it is as the apply left it, is merged when the user
/// edited other lines since, and is a conflict (refused, nothing changed, unless forced) when the user edited
/// the same lines. Files the plan did not change, and files added since, are never written. Then the down
/// scripts of the scripts that ran, the data copy's target, toolkit.yaml, each verified. The decisions are
/// journaled before the first write, so a killed rollback run again ends in the same state.
/// </summary>
public sealed class MigrationRollback(MigrationPlanner planner)
{
    /// <summary>What a rollback of <paramref name="plan"/> would do with each file now, changing nothing; null when it was never applied here.</summary>
    public static async Task<IReadOnlyList<FileRollbackStep>?> PreviewAsync(MigrationPlan plan, string? appRoot = null, CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(appRoot ?? plan.App.Root);
        using var repository = await GitRepository.OpenAsync(root, cancellationToken);
        var journal = new MigrationJournal(repository.GitDirectory);
        var state = journal.Read(plan.Id);
        if (repository.Resolve(WorkingTreeBackup.RefFor(plan.Id)) is not { } backup) return null;
        return Decide(repository, plan, state, backup, AppPaths.For(root), force: false);
    }

    /// <summary>Rolls back <paramref name="plan"/>; MIG050 when it was never applied here, MIG052 (nothing changed) for files in conflict without <see cref="RollbackOptions.Force"/>.</summary>
    public async Task<RollbackOutcome> RollbackAsync(MigrationPlan plan, RollbackOptions options, CancellationToken cancellationToken = default)
    {
        var log = options.Log ?? (_ => { });
        var appRoot = Path.GetFullPath(options.AppRoot ?? plan.App.Root);
        using var repository = await GitRepository.OpenAsync(appRoot, cancellationToken);
        var gate = AppPaths.For(appRoot);
        var journal = new MigrationJournal(repository.GitDirectory);
        var state = journal.Read(plan.Id);
        var backupRef = WorkingTreeBackup.RefFor(plan.Id);
        var backup = repository.Resolve(backupRef);

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

        // Decide everything before changing anything: a conflict refuses the whole rollback.
        var files = Decide(repository, plan, state, backup, gate, options.Force);
        var conflicts = files.Where(f => f.Action == FileRollbackAction.Conflict).ToList();
        if (conflicts.Count > 0)
            throw new DiagnosticException(conflicts.Select(c => Diagnostic.Error("MIG052",
                $"{c.Path}: {c.Detail}; rollback changed nothing. Merge it by hand (the backup: git show {backup}:{RepoPath(plan, c.Path)}), " +
                $"or pass --force to restore the backup over it (your version is saved at {OverwrittenFiles.RefFor(plan.Id)} first).",
                new SourceLocation(gate.Resolve(c.Path), 1, 1))).ToList());

        string? overwrittenRef = null;
        var overwrite = files.Where(f => f.Action == FileRollbackAction.Overwrite && !FileRestorer.Matches(gate.Resolve(f.Path), f)).ToList();
        if (overwrite.Count > 0)
        {
            overwrittenRef = OverwrittenFiles.Save(repository, plan.Id, overwrite.Select(f => RepoPath(plan, f.Path)));
            log($"saved your versions of {string.Join(", ", overwrite.Select(f => f.Path))} at {overwrittenRef}");
        }
        else if (files.Any(f => f.Action == FileRollbackAction.Overwrite)) overwrittenRef = repository.Resolve(OverwrittenFiles.RefFor(plan.Id)) is null ? null : OverwrittenFiles.RefFor(plan.Id);

        state ??= new MigrationState(plan.Id, plan.Swaps, plan.App.PathInRepository, backupRef, backup, MigrationPhase.RollingBack, [], [], null);
        var phaseFound = state.Phase;
        state = state with { Phase = MigrationPhase.RollingBack, RollbackFiles = files };
        journal.Write(state);
        journal.ClearScratch();
        TestHooks.AfterFileRestored(0, journal.Directory);
        var steps = new List<RollbackStepResult>();

        log($"rolling back the plan's files from {backupRef}");
        var report = FileRestorer.Restore(repository, files, gate, journal.Scratch, n => TestHooks.AfterFileRestored(n, journal.Directory));
        journal.ClearScratch();
        steps.Add(new RollbackStepResult(RollbackAction.RestoreFiles, DescribeFiles(report, overwrittenRef), report.Verified,
            report.Verified ? $"all {files.Count(f => f.Action != FileRollbackAction.Unchanged)} file(s) the rollback changed are as decided; no other file was written"
                : $"differ: {string.Join(", ", report.Mismatched)}"));

        // A script commits with its journal row before the state file lists it, so a killed apply may have run
        // one more script than the state says: once the scripts phase was reached, the database's journal decides.
        var scriptsMayHaveRun = plan.DatabaseMigrations.Count > 0 && phaseFound is not (MigrationPhase.BackingUp or MigrationPhase.WritingFiles);
        if (scriptsMayHaveRun)
        {
            if (options.Scripts is null)
                steps.Add(new RollbackStepResult(RollbackAction.RestoreDatabase, "down scripts not run", false,
                    $"database scripts of this plan may have run ({string.Join(", ", plan.DatabaseMigrations.Select(d => d.Id))}); pass --database-env NAME to run their down scripts"));
            else
            {
                // The plan's files are back as planned from (merged files keep only edits made after the apply), so planning again gives the same (unmasked) scripts.
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
                steps.Add(new RollbackStepResult(RollbackAction.RestoreDatabase, ran == 0 ? "no down script needed running" : $"ran {ran} down script(s)", stillApplied.Count == 0,
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
                "toolkit.yaml technologies back", wrong.Count == 0,
                wrong.Count == 0 ? string.Join(", ", plan.ConfigChanges.Select(c => $"technologies.{c.Category} = {c.From}"))
                    : "not reverted: " + string.Join(", ", wrong.Select(c => c.Category))));
        }

        // A manual step is left to undo only where someone did it by hand after the apply: its line (as before the apply) is gone.
        var backupFiles = repository.ReadEntries(backup, plan.ManualSteps.Select(m => RepoPath(plan, m.Path)));
        var toUndo = plan.ManualSteps.Where(m => !LineStillThere(repository, backupFiles.GetValueOrDefault(RepoPath(plan, m.Path)), gate.Resolve(m.Path), m.Line)).ToList();
        if (toUndo.Count > 0)
            steps.Add(new RollbackStepResult(RollbackAction.Manual, $"{toUndo.Count} manual step(s) of the plan to undo by hand", true,
                string.Join("; ", toUndo.Select(m => $"{m.Path}:{m.Line}: {m.Reason}"))));

        var outcome = new RollbackOutcome(plan.Id, steps) { Files = files, OverwrittenRef = overwrittenRef };
        journal.Write(state with
        {
            Phase = outcome.Verified ? MigrationPhase.RolledBack : MigrationPhase.RollingBack,
            DataCopyStarted = state.DataCopyStarted && !steps.Any(s => s.Action == RollbackAction.RestoreDatabase && s.Verified && s.Description.StartsWith("dropped", StringComparison.Ordinal)),
            ScriptsApplied = steps.Any(s => s.Action == RollbackAction.RestoreDatabase && s.Verified && s.Description.Contains("down script", StringComparison.Ordinal)) ? [] : state.ScriptsApplied,
            Message = outcome.Verified ? null : "rollback did not verify",
        });
        journal.Append(plan.Id, "rollback", outcome.Verified ? "rolled-back" : "unverified", string.Join("; ", steps.Select(s => s.Description)));
        return outcome;
    }

    // A rollback run again after a kill keeps the decisions it journaled for files still as it found or left them,
    // so a merge already written is not mistaken for an edit made after the apply.
    private static IReadOnlyList<FileRollbackStep> Decide(GitRepository repository, MigrationPlan plan, MigrationState? state, string backup, AppPaths gate, bool force)
    {
        var applied = state?.AppliedCommit ?? repository.Resolve(AppliedContent.RefFor(plan.Id));
        var fresh = FileRollbackPlanner.Decide(repository, plan, backup, applied, gate, force);
        if (state?.RollbackFiles is not { } recorded) return fresh;
        var byPath = recorded.ToDictionary(r => r.Path, StringComparer.Ordinal);
        return fresh.Select(f =>
        {
            if (!byPath.TryGetValue(f.Path, out var r)) return f;
            var now = GitTreeEntry.OfPath(gate.Resolve(f.Path))?.BlobId;
            return now == r.From || FileRestorer.Matches(gate.Resolve(f.Path), r) ? r : f;
        }).ToList();
    }

    private static bool LineStillThere(GitRepository repository, GitTreeEntry? before, string full, int line)
    {
        if (before is null || !File.Exists(full)) return before is null && !File.Exists(full);
        var original = FileContent.Decode(repository.ReadBlob(before.BlobId)).Split('\n');
        if (line < 1 || line > original.Length || original[line - 1].Trim().Length == 0) return true;
        var wanted = original[line - 1].Trim();
        return File.ReadLines(full).Any(l => l.Trim() == wanted);
    }

    private static string RepoPath(MigrationPlan plan, string path) =>
        plan.App.PathInRepository.Length == 0 ? path : plan.App.PathInRepository.TrimEnd('/') + "/" + path;

    private static string DescribeFiles(RestoreReport report, string? overwrittenRef)
    {
        var parts = new List<string>();
        void Add(FileRollbackAction action, string text)
        {
            var paths = report.WrittenWith(action);
            if (paths.Count > 0) parts.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, text, paths.Count, string.Join(", ", paths)));
        }
        Add(FileRollbackAction.Restore, "restored {0} file(s)");
        Add(FileRollbackAction.Delete, "deleted {0} file(s) the apply added");
        Add(FileRollbackAction.Merge, "merged {0} file(s) you edited after the apply, keeping your edits ({1})");
        Add(FileRollbackAction.Overwrite, "overwrote {0} file(s) you edited after the apply (" + "{1}" + $"; your versions are at {overwrittenRef})");
        var earlier = report.Steps.Count(s => s.Writes) - report.Written.Count;
        if (earlier > 0) parts.Add($"{earlier} file(s) already rolled back by an earlier run");
        return parts.Count == 0 ? "no file needed restoring" : string.Join(", ", parts);
    }
}
