namespace Toolkit.Migrations.Planning;

/// <summary>
/// The plan's judgement calls in one place: migration type, complexity, duration, risk and the rollback
/// steps, each a small pure function of what the plan changes.
/// </summary>
public static class PlanScoring
{
    /// <summary>The migration type for the affected categories (several make it full-stack).</summary>
    public static MigrationType TypeOf(IReadOnlyList<string> categories) => categories.Count != 1 ? MigrationType.FullStack : categories[0] switch
    {
        "ai" => MigrationType.Ai,
        "auth" => MigrationType.Auth,
        "database" => MigrationType.Database,
        "storage" => MigrationType.Storage,
        "search" => MigrationType.Search,
        _ => MigrationType.FullStack,
    };

    /// <summary>1 to 10: categories, files, manual steps and data work each add.</summary>
    public static int Complexity(int categories, int files, int manualSteps, int scripts, bool dataCopy) =>
        Math.Clamp(categories + (files + 4) / 5 + (manualSteps + 1) / 2 + (scripts > 0 ? 1 : 0) + (dataCopy ? 2 : 0), 1, 10);

    /// <summary>Minutes a person needs to review and finish: files, manual steps, scripts and a data copy.</summary>
    public static int Minutes(int files, int manualSteps, int scripts, bool dataCopy) =>
        5 + 2 * files + 10 * manualSteps + 5 * scripts + (dataCopy ? 30 : 0);

    /// <summary>High when data moves or a script cannot be undone; medium with manual steps or many files; else low.</summary>
    public static RiskLevel Risk(IReadOnlyList<FileChange> changes, int manualSteps, IReadOnlyList<DatabaseMigration> scripts, bool dataCopy) =>
        dataCopy || scripts.Any(s => s.Down is null) ? RiskLevel.High
        : manualSteps > 0 || changes.Count > 10 || scripts.Count > 0 || changes.Any(c => c.Conflict) ? RiskLevel.Medium
        : RiskLevel.Low;

    /// <summary>The ordered rollback steps, each saying how it is verified.</summary>
    public static RollbackPlan Rollback(int files, IReadOnlyList<DatabaseMigration> scripts, IReadOnlyList<ConfigChange> config, int manualSteps, bool dataCopy)
    {
        var steps = new List<RollbackStep>
        {
            new(1, RollbackAction.RestoreFiles,
                $"Restore the app's files ({files} changed) byte for byte from refs/toolkit/backups/<plan-id>, deleting files the apply added.",
                true, "toolkit migrate rollback PLAN",
                "Every file's git blob id equals the backup ref's entry and no file outside the backup is left (checked by the rollback)."),
        };
        if (scripts.Count > 0)
            steps.Add(new(steps.Count + 1, RollbackAction.RestoreDatabase,
                $"Run the down scripts of the {scripts.Count} applied database script(s) in reverse order.",
                scripts.All(s => s.Down is not null), "toolkit migrate rollback PLAN --database-env NAME",
                "The script journal no longer lists the plan's scripts (checked by the rollback)."));
        if (config.Count > 0)
            steps.Add(new(steps.Count + 1, RollbackAction.RevertConfig,
                "Put back " + string.Join(", ", config.Select(c => $"{c.Category}: {c.From}")) + " in toolkit.yaml (part of the file restore).",
                true, "toolkit migrate rollback PLAN",
                "toolkit.yaml reads " + string.Join(", ", config.Select(c => $"technologies.{c.Category} = {c.From}")) + " again (checked by the rollback)."));
        if (manualSteps > 0 || dataCopy || scripts.Any(s => s.Down is null))
            steps.Add(new(steps.Count + 1, RollbackAction.Manual,
                "Undo by hand what the engine did not do: the plan's manual steps" + (dataCopy ? ", and drop data copied to the target database if it must not stay" : "") +
                (scripts.Any(s => s.Down is null) ? ", and reverse the scripts that have no down script" : "") + ".",
                false, null, "A person checks the app against the plan's manual steps."));
        return new RollbackPlan(steps, 2 + scripts.Count + (manualSteps > 0 ? 10 : 0), dataCopy || scripts.Any(s => s.Down is null),
            steps.Any(s => s.Action == RollbackAction.Manual));
    }
}
