using Toolkit.Compliance.Evidence;
using Toolkit.Core.Diagnostics;

namespace Toolkit.Compliance.Reports;

/// <summary>Formats a compliance report can be rendered in.</summary>
public enum ReportFormat
{
    /// <summary>Markdown for pull requests and wikis.</summary>
    Md,
    /// <summary>One self-contained HTML page for reviewers.</summary>
    Html,
    /// <summary>The <c>compliance</c> output object itself.</summary>
    Json,
    /// <summary>SARIF 2.1.0 for code scanning.</summary>
    Sarif,
}

/// <summary>Renders a <see cref="ComplianceReport"/> in any <see cref="ReportFormat"/>; same report, same bytes.</summary>
public static class ReportRenderer
{
    /// <summary>Renders <paramref name="report"/> as <paramref name="format"/>.</summary>
    public static string Render(ComplianceReport report, ReportFormat format) => format switch
    {
        ReportFormat.Md => MarkdownReport.Render(report),
        ReportFormat.Html => HtmlReport.Render(report),
        ReportFormat.Json => ComplianceJson.Write(report),
        ReportFormat.Sarif => SarifReport.Render(report),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>Parses <c>md</c>, <c>html</c>, <c>json</c> or <c>sarif</c>.</summary>
    /// <exception cref="DiagnosticException">Any other value.</exception>
    public static ReportFormat ParseFormat(string text) => text.Trim().ToLowerInvariant() switch
    {
        "md" or "markdown" => ReportFormat.Md,
        "html" => ReportFormat.Html,
        "json" => ReportFormat.Json,
        "sarif" => ReportFormat.Sarif,
        _ => throw new DiagnosticException(Diagnostic.Error("TKC120", $"unknown report format '{text}' (known: md, html, json, sarif).")),
    };

    /// <summary>The usual file extension of <paramref name="format"/>.</summary>
    public static string Extension(ReportFormat format) => format switch
    {
        ReportFormat.Md => ".md",
        ReportFormat.Html => ".html",
        ReportFormat.Json => ".json",
        _ => ".sarif",
    };
}

/// <summary>Words for statuses, shared by the text formats.</summary>
internal static class StatusText
{
    /// <summary><c>pass</c>, <c>fail</c>, <c>n/a</c>.</summary>
    public static string Short(Checks.CheckStatus status) => status switch
    {
        Checks.CheckStatus.Pass => "pass",
        Checks.CheckStatus.Fail => "fail",
        Checks.CheckStatus.AcceptedRisk => "accepted risk",
        _ => "n/a",
    };

    /// <summary><c>PASS</c>, <c>FAIL</c>, <c>NOT APPLICABLE</c>.</summary>
    public static string Upper(Checks.CheckStatus status) => status switch
    {
        Checks.CheckStatus.Pass => "PASS",
        Checks.CheckStatus.Fail => "FAIL",
        Checks.CheckStatus.AcceptedRisk => "ACCEPTED RISK",
        _ => "NOT APPLICABLE",
    };

    /// <summary>The line a report shows under an accepted control: reason, who, until when.</summary>
    public static string Acceptance(Core.Diagnostics.DiagnosticAcknowledgement a) =>
        $"Accepted risk (acknowledgement '{a.Id}'): {a.Reason}. By {a.By}, until {a.Until}.";

    /// <summary><c>mandatory</c> or <c>advisory</c>.</summary>
    public static string Enforcement(Stacks.Configuration.Enforcement enforcement) =>
        enforcement == Stacks.Configuration.Enforcement.Mandatory ? "mandatory" : "advisory";
}
