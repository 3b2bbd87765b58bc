using Toolkit.Core.Diagnostics;
using Toolkit.Migrations.Backups;
using Toolkit.Migrations.DataCopy;
using Toolkit.Migrations.Git;
using Toolkit.Migrations.Journal;
using Toolkit.Migrations.Paths;
using Toolkit.Migrations.Planning;
using Toolkit.Migrations.RollingBack;

namespace Toolkit.Migrations.Applying;

/// <summary>
/// Applies a plan so that it cannot lose work: every check runs before anything changes (git repo, clean
/// tree, files unchanged since planning, swaps still giving the same plan, no conflicts, a database when
/// scripts need one); then the backup ref, the files, the scripts and validation, with the journal
/// written before each step. A failed validation rolls back by itself.
/// </summary>
public sealed class MigrationApplier(MigrationPlanner planner)
{
    /// <summary>Applies <paramref name="plan"/>; bad input throws <see cref="DiagnosticException"/> with nothing changed.</summary>
    public async Task<ApplyOutcome> ApplyAsync(MigrationPlan plan, ApplyOptions options, CancellationToken cancellationToken = default)
    {
        var log = options.Log ?? (_ => { });
        var appRoot = options.RootFor(plan);
        using var repository = await GitRepository.OpenAsync(appRoot, cancellationToken);
        var gate = AppPaths.For(appRoot);
        var journal = new MigrationJournal(repository.GitDirectory);
        var backupRef = WorkingTreeBackup.RefFor(plan.Id);

        if (journal.Read(plan.Id) is { Phase: not MigrationPhase.RolledBack } existing)
            throw new DiagnosticException(Diagnostic.Error("MIG040",
                $"plan {plan.Id} is already {Describe(existing.Phase)} in this repository; run 'toolkit migrate rollback' first."));

        if (!options.AllowDirty)
        {
            // The plan file itself, written inside the app, is not a change to protect.
            var dirty = (await repository.StatusAsync(plan.App.PathInRepository, cancellationToken))
                .Where(line => !IsThisPlan(Path.Combine(repository.TopLevel, StatusPath(line)), plan.Id)).ToList();
            if (dirty.Count > 0)
                throw new DiagnosticException(Diagnostic.Error("MIG041",
                    $"the app has uncommitted changes ({dirty.Count}): {string.Join(", ", dirty.Take(5).Select(d => d.Trim()))}{(dirty.Count > 5 ? ", ..." : "")}; commit or stash them, or pass --allow-dirty."));
        }

        var stale = StaleFiles(plan, gate);
        if (stale.Count > 0)
            throw new DiagnosticException(stale.Select(s => Diagnostic.Error("MIG042",
                $"{s} changed since planning (its hash differs from the plan's); run 'toolkit migrate plan' again.",
                new SourceLocation(Path.Combine(gate.Root, s), 1, 1))).ToList());

        var prepared = await planner.PlanAsync(appRoot, plan.Swaps, plan.SwapOptions, cancellationToken);
        if (prepared.Plan.Id != plan.Id)
            throw new DiagnosticException(Diagnostic.Error("MIG043",
                $"planning {string.Join(' ', plan.Swaps)} now gives plan {prepared.Plan.Id}, not {plan.Id} (the swaps or the app's configuration changed); run 'toolkit migrate plan' again."));

        var conflicts = plan.FileChanges.Where(c => c.Conflict).ToList();
        if (conflicts.Count > 0)
            throw new DiagnosticException(conflicts.Select(c => Diagnostic.Error("MIG044", $"conflict in {c.Path}: {c.ConflictReason}")).ToList());

        if (prepared.Scripts.Count > 0 && options.Scripts is null)
            throw new DiagnosticException(Diagnostic.Error("MIG045",
                $"the plan has {prepared.Scripts.Count} database script(s) ({string.Join(", ", prepared.Scripts.Select(s => s.Id))}) but no database was given; pass --database-env NAME, a variable holding the app database's connection string."));
        if (prepared.Scripts.Count > 0) await options.Scripts!.CheckAsync(prepared.Scripts, cancellationToken);

        var copyData = options.DataCopySource is not null && options.DataCopyTarget is not null;
        if ((options.DataCopySource is null) != (options.DataCopyTarget is null))
            throw new DiagnosticException(Diagnostic.Error("MIG048", "a data copy needs both a source and a target database."));
        if (copyData && !plan.AffectedCategories.Contains("database"))
            throw new DiagnosticException(Diagnostic.Error("MIG048", $"plan {plan.Id} swaps no database; there is no data to copy."));
        if (copyData) await TargetReset.RequireEmptyAsync(options.DataCopyTarget!, cancellationToken);

        // From here on the journal says where we are, so a killed process can be rolled back.
        var state = new MigrationState(plan.Id, plan.Swaps, plan.App.PathInRepository, backupRef, null, MigrationPhase.BackingUp, [], [], null);
        journal.SavePlan(plan);
        journal.Write(state);
        journal.Append(plan.Id, "apply", "started", string.Join(' ', plan.Swaps));

        log($"backing up the working tree to {backupRef}");
        var commit = await WorkingTreeBackup.CreateAsync(repository, plan.Id, cancellationToken);
        state = state with { BackupCommit = commit };
        journal.Write(state);
        // What is about to be written, so rollback can tell files as applied from files edited since (and merge those).
        var appliedCommit = AppliedContent.Record(repository, plan.Id, commit, plan.App.PathInRepository, prepared.Files.Select(f => (f.Path, f.Content)));
        state = state with { AppliedCommit = appliedCommit, Phase = MigrationPhase.WritingFiles };
        journal.Write(state);

        var written = new List<string>();
        try
        {
            foreach (var file in prepared.Files)
            {
                var full = gate.Resolve(file.Path);
                SafeFileWriter.Write(full, file.Content);
                written.Add(file.Path);
                state = state with { FilesWritten = written.ToList() };
                journal.Write(state);
                log($"{(file.Content is null ? "deleted" : "wrote")} {file.Path}");
                TestHooks.AfterFileWritten(written.Count, journal.Directory);
            }

            if (prepared.Scripts.Count > 0)
            {
                state = state with { Phase = MigrationPhase.RunningScripts };
                journal.Write(state);
                var applied = new List<string>();
                foreach (var script in prepared.Scripts)
                {
                    await options.Scripts!.UpAsync(script, cancellationToken);
                    applied.Add(script.Id);
                    state = state with { ScriptsApplied = applied.ToList() };
                    journal.Write(state);
                    log($"ran database script {script.Id}");
                    TestHooks.AfterScriptRun(applied.Count, journal.Directory);
                }
            }

            if (copyData)
            {
                state = state with { Phase = MigrationPhase.CopyingData, DataCopyStarted = true };
                journal.Write(state);
                log("copying data: pg_dump | pg_restore into the target database");
                var report = await new PostgresDataCopy().CopyAsync(options.DataCopySource!, options.DataCopyTarget!, cancellationToken);
                if (!report.Verified)
                    throw new InvalidOperationException("the data copy did not verify: " + string.Join(", ", report.Tables.Where(t => !t.Matches).Select(t => t.Table)));
                log($"copied and verified {report.Tables.Count} table(s) (row counts and checksums match)");
            }
        }
        catch (Exception e) when (e is DiagnosticException or IOException or UnauthorizedAccessException or InvalidOperationException or Npgsql.NpgsqlException)
        {
            // Part of the change is on disk: put it back before reporting, so a failure never leaves a half-applied app.
            journal.Append(plan.Id, "apply", "failed", e.Message);
            var rollback = await new MigrationRollback(planner).RollbackAsync(plan, new RollbackOptions(options.AppRoot, options.Scripts, log, options.DataCopyTarget), cancellationToken);
            throw new DiagnosticException(Diagnostic.Error("MIG047",
                $"apply of {plan.Id} failed after {written.Count} file(s): {e.Message}; rolled back ({(rollback.Verified ? "verified" : "NOT verified: run 'toolkit migrate rollback'")})."));
        }

        ValidationResult? validation = null;
        if (options.Validate)
        {
            state = state with { Phase = MigrationPhase.Validating };
            journal.Write(state);
            log("validating: building the app");
            validation = await new AppValidator(Path.Combine(journal.Directory, "build", plan.Id)).ValidateAsync(gate.Root, cancellationToken);
            log(validation.Summary);
            if (!validation.Passed)
            {
                journal.Append(plan.Id, "apply", "failed", validation.Summary);
                log("validation failed: rolling back");
                var rollback = await new MigrationRollback(planner).RollbackAsync(plan, new RollbackOptions(options.AppRoot, options.Scripts, log, options.DataCopyTarget), cancellationToken);
                return new ApplyOutcome(false, backupRef, validation, rollback);
            }
        }

        journal.Write(state with { Phase = MigrationPhase.Applied });
        journal.Append(plan.Id, "apply", "applied", $"{written.Count} file(s), {prepared.Scripts.Count} script(s)");
        return new ApplyOutcome(true, backupRef, validation, null);
    }

    // "XY path" or "XY old -> new" (renames); git quotes unusual names, which are then not a plan file of ours anyway.
    private static string StatusPath(string line)
    {
        var path = line.Length > 3 ? line[3..] : "";
        var arrow = path.IndexOf(" -> ", StringComparison.Ordinal);
        return (arrow >= 0 ? path[(arrow + 4)..] : path).Trim('"');
    }

    private static bool IsThisPlan(string fullPath, string planId)
    {
        if (!fullPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || !File.Exists(fullPath) || new FileInfo(fullPath).Length > 64 << 20) return false;
        try { return PlanJson.Read(fullPath).Id == planId; }
        catch (Exception e) when (e is System.Text.Json.JsonException or DiagnosticException or IOException or InvalidOperationException or NotSupportedException) { return false; }
    }

    /// <summary>Paths whose current bytes no longer hash to the plan's before hash.</summary>
    public static IReadOnlyList<string> StaleFiles(MigrationPlan plan, AppPaths gate) =>
        plan.FileChanges.Where(c => FileContent.Hash(FileContent.Read(gate.Resolve(c.Path))) != c.BeforeHash).Select(c => c.Path).ToList();

    private static string Describe(MigrationPhase phase) => phase switch
    {
        MigrationPhase.Applied => "applied",
        MigrationPhase.RollingBack => "half rolled back",
        _ => $"half applied (interrupted while {phase})",
    };
}
