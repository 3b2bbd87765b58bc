using Toolkit.Core.Diagnostics;
using Toolkit.Database.Execution;
using Toolkit.Database.Journal;
using Toolkit.Database.Linting;
using Toolkit.Database.Scripts;

namespace Toolkit.Database;

public sealed partial class ScriptEngine
{
    /// <summary>Scripts whose latest journal row is an up row, by name.</summary>
    private static IReadOnlyDictionary<string, AppliedScript> Applied(IReadOnlyList<JournalEntry> entries)
    {
        var latest = new Dictionary<string, JournalEntry>(StringComparer.Ordinal);
        foreach (var entry in entries) latest[entry.ScriptName] = entry;
        return latest.Values.Where(e => e.Direction == ScriptDirection.Up)
            .ToDictionary(e => e.ScriptName, e => new AppliedScript(e.ScriptName, e.Checksum, e.AppliedAt, e.Duration), StringComparer.Ordinal);
    }

    private static JournalStatus StatusOf(IReadOnlyList<DatabaseScript> scripts, IReadOnlyDictionary<string, AppliedScript> applied)
    {
        var names = scripts.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        return new JournalStatus(
            applied.Values.OrderBy(a => a.Name, StringComparer.Ordinal).ToList(),
            scripts.Where(s => !applied.TryGetValue(s.Name, out var a) || (s.IsRepeatable && a.Checksum != s.Checksum)).Select(s => s.Name).ToList(),
            scripts.Where(s => !s.IsRepeatable && applied.TryGetValue(s.Name, out var a) && a.Checksum != s.Checksum).Select(s => s.Name).ToList(),
            applied.Keys.Where(n => !names.Contains(n)).Order(StringComparer.Ordinal).ToList());
    }

    private ScriptPlan PlanUp(IReadOnlyList<DatabaseScript> scripts, IReadOnlyDictionary<string, AppliedScript> applied)
    {
        // Versioned scripts run once; a repeatable one again whenever its text differs from the last run's.
        var pending = scripts.Where(s => !applied.TryGetValue(s.Name, out var a) || (s.IsRepeatable && a.Checksum != s.Checksum)).ToList();
        var steps = pending.Select(s => new PlanStep(s.Name, s.Version, s.Checksum, ScriptDirection.Up, s.IsOneWay,
            ScriptLinter.NeedsNoTransaction(s.Up, _variableNames))).ToList();
        var lint = ScriptLinter.Lint(pending, _variableNames);
        if (!Configuration.AllowChanged && ChangedRefusal(scripts, applied) is { } changed)
            return new ScriptPlan(ScriptDirection.Up, steps, lint, ScriptFailure.ChangedScript, changed.Message, changed.Script);
        var blocking = lint.Where(d => d.Severity == Severity.Error).ToList();
        if (blocking.Count > 0 && !Configuration.AllowDestructive)
            return new ScriptPlan(ScriptDirection.Up, steps, lint, ScriptFailure.LintBlocked,
                $"{blocking.Count} destructive or locking change(s) found; fix them or pass --allow-destructive", blocking[0].Location?.File);
        if (Configuration.TransactionMode == TransactionMode.WholeRun && steps.FirstOrDefault(s => s.OutsideTransaction) is { } outside)
            return new ScriptPlan(ScriptDirection.Up, steps, lint, ScriptFailure.NotRunnable,
                $"{outside.Name} must run outside a transaction (CONCURRENTLY, CREATE DATABASE or the {TransactionRequirement.Marker} marker), so it cannot be part of a single-transaction run; use a transaction per script",
                outside.Name);
        return new ScriptPlan(ScriptDirection.Up, steps, lint, ScriptFailure.None, null, null);
    }

    private ScriptPlan PlanDown(IReadOnlyList<DatabaseScript> scripts, IReadOnlyDictionary<string, AppliedScript> applied, string toVersion)
    {
        var byName = scripts.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var versioned = scripts.Where(s => !s.IsRepeatable).ToList();
        // The target is a script's version (0003, Flyway's 1.2) or its name (DbUp names); 0 rolls back everything.
        var index = toVersion == "0" ? -1 : versioned.FindIndex(s => s.Version == toVersion || s.Name == toVersion);
        if (index < 0 && toVersion != "0")
            return new ScriptPlan(ScriptDirection.Down, [], [], ScriptFailure.InvalidScripts,
                $"--to {toVersion} is not the version or name of any script; use one such as {versioned.LastOrDefault()?.Version ?? "0001"}, or 0 to roll back everything", null);
        var newer = versioned.Skip(index + 1).Where(s => applied.ContainsKey(s.Name)).Select(s => s.Name).Reverse().ToList();
        // Applied scripts whose files are gone and whose number says they are newer must not be skipped silently.
        var target = index < 0 ? 0 : long.TryParse(versioned[index].Version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : long.MaxValue;
        newer.InsertRange(0, applied.Keys.Where(n => !byName.ContainsKey(n) && ScriptName.TryParse(n) is { Convention: ScriptConvention.Toolkit } p
            && long.Parse(p.Version, System.Globalization.CultureInfo.InvariantCulture) > target).Order(StringComparer.Ordinal).Reverse());
        return PlanDownOf(byName, applied, newer, $"roll back to {toVersion}");
    }

    // Applied repeatable scripts: a rollback leaves them (it undoes versioned scripts with down scripts only), and says so.
    private static IReadOnlyList<string> KeptRepeatable(IReadOnlyDictionary<string, DatabaseScript> byName, IReadOnlyDictionary<string, AppliedScript> applied) =>
        byName.Values.Where(s => s.IsRepeatable && applied.ContainsKey(s.Name)).Select(s => s.Name).Order(StringComparer.Ordinal).ToList();

    // The down steps for `newer` (applied scripts, newest first), or why they must not run.
    private ScriptPlan PlanDownOf(IReadOnlyDictionary<string, DatabaseScript> byName, IReadOnlyDictionary<string, AppliedScript> applied,
        IReadOnlyList<string> newer, string what)
    {
        var kept = KeptRepeatable(byName, applied);
        var steps = newer.Select(n => byName.TryGetValue(n, out var s)
            ? new PlanStep(n, s.Version, s.Checksum, ScriptDirection.Down, s.IsOneWay, s.Down is { } d && ScriptLinter.NeedsNoTransaction(d, _variableNames))
            : new PlanStep(n, ScriptName.TryParse(n)?.Version ?? n, applied[n].Checksum, ScriptDirection.Down, true, false)).ToList();
        if (newer.FirstOrDefault(n => !byName.ContainsKey(n)) is { } missing)
            return new ScriptPlan(ScriptDirection.Down, steps, [], ScriptFailure.InvalidScripts,
                $"cannot {what}: {missing} is applied but its files are not among the scripts", missing) { KeptRepeatable = kept };
        if (!Configuration.AllowChanged && ChangedRefusal(newer.Select(n => byName[n]).ToList(), applied) is { } changed)
            return new ScriptPlan(ScriptDirection.Down, steps, [], ScriptFailure.ChangedScript, changed.Message, changed.Script) { KeptRepeatable = kept };
        if (newer.FirstOrDefault(n => byName[n].IsOneWay) is { } oneWay)
            return new ScriptPlan(ScriptDirection.Down, steps, [], ScriptFailure.OneWay,
                $"cannot {what}: {oneWay} is one-way (there is no {byName[oneWay].DownName}); nothing was rolled back", oneWay) { KeptRepeatable = kept };
        if (Configuration.TransactionMode == TransactionMode.WholeRun && steps.FirstOrDefault(s => s.OutsideTransaction) is { } outside)
            return new ScriptPlan(ScriptDirection.Down, steps, [], ScriptFailure.NotRunnable,
                $"the down script of {outside.Name} must run outside a transaction, so it cannot be part of a single-transaction run", outside.Name) { KeptRepeatable = kept };
        return new ScriptPlan(ScriptDirection.Down, steps, [], ScriptFailure.None, null, null) { KeptRepeatable = kept };
    }

    private static (string Message, string Script)? ChangedRefusal(IReadOnlyList<DatabaseScript> scripts, IReadOnlyDictionary<string, AppliedScript> applied)
    {
        var changed = scripts.FirstOrDefault(s => !s.IsRepeatable && applied.TryGetValue(s.Name, out var a) && a.Checksum != s.Checksum);
        if (changed is null) return null;
        return ($"{changed.Name} was changed after it was applied (journal sha256 {applied[changed.Name].Checksum[..12]}..., file {changed.Checksum[..12]}...): " +
                "restore the applied text and put the change in a new script, or pass --allow-changed", changed.Name);
    }

    private static ScriptPlan Refused(ScriptDirection direction, ScriptFailure failure, IReadOnlyList<Diagnostic> diagnostics) =>
        new(direction, [], diagnostics, failure, "the scripts are invalid: " + string.Join("; ", diagnostics.Select(d => d.ToString())), null);
}
