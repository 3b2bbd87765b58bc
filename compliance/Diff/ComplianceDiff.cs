using Toolkit.Compliance.Checks;
using Toolkit.Compliance.Evidence;

namespace Toolkit.Compliance.Diff;

/// <summary>How a control changed between two deploys.</summary>
public enum ChangeKind
{
    /// <summary>Failed before, passes or no longer applies now.</summary>
    Fixed,
    /// <summary>Passed or did not apply before, fails now.</summary>
    Regressed,
    /// <summary>Same status, but the evidence changed (resources or values).</summary>
    EvidenceChanged,
    /// <summary>Status changed between pass and not applicable.</summary>
    StatusChanged,
    /// <summary>The control is new (its framework came into force).</summary>
    Added,
    /// <summary>The control is gone (its framework is no longer in force).</summary>
    Removed,
}

/// <summary>One piece of evidence that appeared, disappeared or changed value.</summary>
public sealed record EvidenceChange(string Check, string Resource, string Property, string? OldValue, string? NewValue, bool? OldSatisfied, bool? NewSatisfied);

/// <summary>One control's change.</summary>
public sealed record ControlChange(string Framework, string Control, string Title, ChangeKind Kind, CheckStatus? OldStatus, CheckStatus? NewStatus, IReadOnlyList<EvidenceChange> Evidence);

/// <summary>What changed between two compliance reports, control by control, in catalogue order.</summary>
public sealed record ComplianceDiff(string OldStack, string NewStack, string OldConfigSha256, string NewConfigSha256, int UnchangedControls, IReadOnlyList<ControlChange> Changes)
{
    /// <summary>Whether any control of a mandatory framework regressed.</summary>
    public bool HasRegressions => Changes.Any(c => c.Kind == ChangeKind.Regressed);

    /// <summary>Compares <paramref name="old"/> with <paramref name="new"/>.</summary>
    public static ComplianceDiff Compare(ComplianceReport old, ComplianceReport @new)
    {
        var oldControls = Flatten(old);
        var newControls = Flatten(@new);
        var keys = newControls.Keys.Concat(oldControls.Keys.Where(k => !newControls.ContainsKey(k))).ToList();
        var changes = new List<ControlChange>();
        var unchanged = 0;
        foreach (var key in keys)
        {
            oldControls.TryGetValue(key, out var before);
            newControls.TryGetValue(key, out var after);
            var evidence = Evidence(before?.Control, after?.Control);
            var title = (after ?? before)!.Control.Title;
            ChangeKind? kind = (before, after) switch
            {
                (null, _) => ChangeKind.Added,
                (_, null) => ChangeKind.Removed,
                _ when before.Control.Status == after.Control.Status => evidence.Count > 0 ? ChangeKind.EvidenceChanged : null,
                _ when after.Control.Status == CheckStatus.Fail => ChangeKind.Regressed,
                _ when before.Control.Status == CheckStatus.Fail => ChangeKind.Fixed,
                _ => ChangeKind.StatusChanged,
            };
            if (kind is null) { unchanged++; continue; }
            changes.Add(new ControlChange(key.Framework, key.Control, title, kind.Value, before?.Control.Status, after?.Control.Status, evidence));
        }
        return new ComplianceDiff(old.Stack, @new.Stack, old.ConfigSha256, @new.ConfigSha256, unchanged, changes);
    }

    private sealed record Entry(FrameworkReport Framework, ControlReport Control);

    private static Dictionary<(string Framework, string Control), Entry> Flatten(ComplianceReport report)
    {
        var map = new Dictionary<(string, string), Entry>();
        foreach (var f in report.Frameworks)
        foreach (var c in f.Controls)
            map[(f.Id, c.Id)] = new Entry(f, c);
        return map;
    }

    private static List<EvidenceChange> Evidence(ControlReport? before, ControlReport? after)
    {
        static Dictionary<(string, string, string), EvidenceItem> Items(ControlReport? c) =>
            (c?.Checks ?? []).SelectMany(k => k.Evidence.Select(e => (Key: (k.Id, e.Resource, e.Property), Item: e)))
                .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().Item);
        var a = Items(before);
        var b = Items(after);
        var changes = new List<EvidenceChange>();
        foreach (var key in a.Keys.Union(b.Keys).OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal).ThenBy(k => k.Item3, StringComparer.Ordinal))
        {
            a.TryGetValue(key, out var x);
            b.TryGetValue(key, out var y);
            if (x is not null && y is not null && x.Value == y.Value && x.Satisfied == y.Satisfied) continue;
            changes.Add(new EvidenceChange(key.Item1, key.Item2, key.Item3, x?.Value, y?.Value, x?.Satisfied, y?.Satisfied));
        }
        return changes;
    }
}
