using System.Globalization;
using System.Text;
using Toolkit.Compliance.Evidence;

namespace Toolkit.Compliance.Reports;

/// <summary>Renders a compliance report as Markdown: summary per framework, a controls table each, then the evidence.</summary>
public static class MarkdownReport
{
    /// <summary>The Markdown text (\n line ends, ends in a newline).</summary>
    public static string Render(ComplianceReport report)
    {
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        Line($"# Compliance report: {Cell(report.Project)} / {Cell(report.Stack)}");
        Line();
        Line($"Overall: **{StatusText.Upper(report.Status)}**. Made by toolkit {report.ToolkitVersion} from `{report.ConfigFile}` (SHA-256 `{Sha(report.ConfigSha256)}`).");
        Line($"Regions: {(report.Regions.Count == 0 ? "none" : string.Join(", ", report.Regions))}.");
        Line();
        Line("## Summary");
        Line();
        Line("| Framework | Enforcement | Status | Pass | Fail | Not applicable |");
        Line("|---|---|---|---:|---:|---:|");
        foreach (var f in report.Frameworks)
            Line(string.Create(CultureInfo.InvariantCulture,
                $"| {f.Name} | {StatusText.Enforcement(f.Enforcement)} | {StatusText.Upper(f.Status)} | {f.Summary.Pass} | {f.Summary.Fail} | {f.Summary.NotApplicable} |"));
        if (report.Frameworks.Count == 0) Line("| (no frameworks in force) | | | | | |");

        foreach (var f in report.Frameworks)
        {
            Line();
            Line($"## {f.Name} ({StatusText.Enforcement(f.Enforcement)}): {StatusText.Upper(f.Status)}");
            Line();
            Line("| Control | Title | Status | Checks |");
            Line("|---|---|---|---|");
            foreach (var c in f.Controls)
                Line($"| {Cell(c.Id)} | {Cell(c.Title)} | {StatusText.Upper(c.Status)} | {string.Join(", ", c.Checks.Select(k => $"{k.Id} ({StatusText.Short(k.Status)})"))} |");
            foreach (var c in f.Controls)
            {
                Line();
                Line($"### {f.Name} {Cell(c.Id)}: {StatusText.Upper(c.Status)}");
                if (c.Acceptance is { } accepted)
                {
                    Line();
                    Line($"**{Cell(StatusText.Acceptance(accepted))}**");
                }
                foreach (var check in c.Checks)
                {
                    Line();
                    Line($"- **{check.Id}** ({StatusText.Short(check.Status)}): {Cell(check.Title)}; {Cell(check.Summary)}.");
                    if (check.Evidence.Count == 0) continue;
                    Line();
                    Line("  | Resource | Type | Property | Value | Expected | OK |");
                    Line("  |---|---|---|---|---|---|");
                    foreach (var e in check.Evidence)
                        Line($"  | `{Cell(e.Resource)}` | {Cell(e.Type)} | `{Cell(e.Property)}` | `{Cell(e.Value)}` | {Cell(e.Expected)} | {(e.Satisfied ? "yes" : "**no**")} |");
                }
            }
        }
        return md.ToString();
    }

    private static string Sha(string sha) => sha.Length == 0 ? "none" : sha;

    /// <summary>Keeps a value inside one table cell.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\r", "").Replace("\n", " ").Replace("`", "'");
}
