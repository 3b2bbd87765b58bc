using System.Globalization;
using System.Text;

namespace Toolkit.Promotion.Reporting;

/// <summary>The report as GitHub Actions job summary markdown (appended to <c>$GITHUB_STEP_SUMMARY</c>).</summary>
public static class GitHubSummary
{
    /// <summary>Name of the environment variable GitHub Actions sets to the summary file.</summary>
    public const string Variable = "GITHUB_STEP_SUMMARY";

    /// <summary>The markdown.</summary>
    public static string Write(PromotionReport report)
    {
        var icon = report.Outcome switch
        {
            PromotionOutcome.Promoted => ":white_check_mark:",
            PromotionOutcome.Stopped => ":octagonal_sign:",
            _ => ":x:",
        };
        var s = new StringBuilder();
        s.Append($"### {icon} Promotion of `{report.Stack}` ({report.Target}): {report.Outcome.ToString().ToLowerInvariant()}\n\n");
        s.Append(report.Message).Append("\n\n");
        s.Append("| step | green % | analysis | metric | value | condition |\n");
        s.Append("|---:|---:|---|---|---:|---|\n");
        foreach (var step in report.StepsAnalysed)
            foreach (var metric in step.Metrics)
                s.Append($"| {step.Step} | {step.GreenPercent} | {step.Phase.ToString().ToLowerInvariant()} | {metric.Name} ({metric.Phase.ToString().ToLowerInvariant()}) | {Number(metric.WorstValue)} | `{metric.Condition}` |\n");
        s.Append('\n');
        return s.ToString();
    }

    /// <summary>Appends the markdown to <paramref name="summaryFile"/>.</summary>
    public static void AppendTo(string summaryFile, PromotionReport report) =>
        File.AppendAllText(summaryFile, Write(report), new UTF8Encoding(false));

    private static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "-";
}
