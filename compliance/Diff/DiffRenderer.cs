using System.Globalization;
using System.Text;
using System.Text.Json;
using Toolkit.Compliance.Checks;
using Toolkit.Compliance.Evidence;

namespace Toolkit.Compliance.Diff;

/// <summary>Renders a <see cref="ComplianceDiff"/> as readable text or as JSON.</summary>
public static class DiffRenderer
{
    /// <summary>One line per changed control, indented evidence changes under it.</summary>
    public static string Text(ComplianceDiff diff)
    {
        var text = new StringBuilder();
        void Line(string s) => text.Append(s).Append('\n');
        Line($"compliance diff: {diff.OldStack} (config {Short(diff.OldConfigSha256)}) -> {diff.NewStack} (config {Short(diff.NewConfigSha256)})");
        Line(string.Create(CultureInfo.InvariantCulture,
            $"{diff.Changes.Count} control(s) changed, {diff.UnchangedControls} unchanged; {diff.Changes.Count(c => c.Kind == ChangeKind.Regressed)} regressed, {diff.Changes.Count(c => c.Kind == ChangeKind.Fixed)} fixed."));
        foreach (var c in diff.Changes)
        {
            Line($"{Word(c.Kind),-10} {c.Framework} {c.Control}: {Status(c.OldStatus)} -> {Status(c.NewStatus)}  ({c.Title})");
            foreach (var e in c.Evidence)
                Line($"    {e.Check}: {e.Resource}.{e.Property}: {e.OldValue ?? "(none)"}{Ok(e.OldSatisfied)} -> {e.NewValue ?? "(none)"}{Ok(e.NewSatisfied)}");
        }
        return text.ToString();
    }

    /// <summary>The diff as indented JSON (same options as the compliance JSON).</summary>
    public static string Json(ComplianceDiff diff) => JsonSerializer.Serialize(diff, ComplianceJson.Options) + "\n";

    private static string Word(ChangeKind kind) => kind switch
    {
        ChangeKind.Fixed => "fixed",
        ChangeKind.Regressed => "REGRESSED",
        ChangeKind.EvidenceChanged => "evidence",
        ChangeKind.StatusChanged => "status",
        ChangeKind.Added => "added",
        _ => "removed",
    };

    private static string Status(CheckStatus? status) => status switch
    {
        null => "(absent)",
        CheckStatus.Pass => "pass",
        CheckStatus.Fail => "fail",
        CheckStatus.AcceptedRisk => "accepted risk",
        _ => "n/a",
    };

    private static string Ok(bool? satisfied) => satisfied switch { true => " [ok]", false => " [not ok]", _ => "" };

    private static string Short(string sha) => sha.Length >= 12 ? sha[..12] : sha.Length == 0 ? "none" : sha;
}
