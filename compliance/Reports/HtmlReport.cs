using System.Globalization;
using System.Net;
using System.Text;
using Toolkit.Compliance.Checks;
using Toolkit.Compliance.Evidence;

namespace Toolkit.Compliance.Reports;

/// <summary>
/// Renders a compliance report as one self-contained HTML page (inline CSS, no scripts, no external assets):
/// provenance, a summary per framework, a controls table per framework, the evidence of every control with
/// links to the resources, and one entry per resource listing every property that was evidence.
/// </summary>
public static partial class HtmlReport
{
    /// <summary>The HTML text (\n line ends, ends in a newline).</summary>
    public static string Render(ComplianceReport report)
    {
        var html = new StringBuilder();
        void Line(string text) => html.Append(text).Append('\n');
        var title = $"Compliance report: {report.Project} / {report.Stack}";
        Line("<!DOCTYPE html>");
        Line("<html lang=\"en\">");
        Line("<head>");
        Line("<meta charset=\"utf-8\">");
        Line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        Line($"<title>{E(title)}</title>");
        Line($"<style>{Style}</style>");
        Line("</head>");
        Line("<body>");
        Line($"<header><h1>{E(title)}</h1>");
        Line($"<p class=\"overall\">Overall <span class=\"badge {Css(report.Status)}\">{StatusText.Upper(report.Status)}</span></p>");
        Line("<dl class=\"provenance\">");
        Line($"<dt>Toolkit version</dt><dd id=\"toolkit-version\">{E(report.ToolkitVersion)}</dd>");
        Line($"<dt>Config file</dt><dd id=\"config-file\">{E(report.ConfigFile)}</dd>");
        Line($"<dt>Config SHA-256</dt><dd id=\"config-sha256\"><code>{E(report.ConfigSha256.Length == 0 ? "none" : report.ConfigSha256)}</code></dd>");
        Line($"<dt>Regions</dt><dd>{E(report.Regions.Count == 0 ? "none" : string.Join(", ", report.Regions))}</dd>");
        Line("</dl></header>");

        Line("<section id=\"summary\"><h2>Summary</h2>");
        Line("<table class=\"summary\"><thead><tr><th>Framework</th><th>Enforcement</th><th>Status</th><th>Pass</th><th>Fail</th><th>Not applicable</th></tr></thead><tbody>");
        foreach (var f in report.Frameworks)
            Line(string.Create(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"#framework-{f.Id}\">{E(f.Name)}</a></td><td>{StatusText.Enforcement(f.Enforcement)}</td><td><span class=\"badge {Css(f.Status)}\">{StatusText.Upper(f.Status)}</span></td><td>{f.Summary.Pass}</td><td>{f.Summary.Fail}</td><td>{f.Summary.NotApplicable}</td></tr>"));
        if (report.Frameworks.Count == 0) Line("<tr><td colspan=\"6\">No frameworks in force.</td></tr>");
        Line("</tbody></table></section>");

        foreach (var f in report.Frameworks)
        {
            Line($"<section class=\"framework\" id=\"framework-{f.Id}\"><h2>{E(f.Name)} <small>{StatusText.Enforcement(f.Enforcement)}</small> <span class=\"badge {Css(f.Status)}\">{StatusText.Upper(f.Status)}</span></h2>");
            Line($"<table class=\"controls\" id=\"controls-{f.Id}\"><thead><tr><th>Control</th><th>Title</th><th>Status</th><th>Checks</th><th>Evidence resources</th></tr></thead><tbody>");
            foreach (var c in f.Controls)
            {
                var checks = string.Join(" ", c.Checks.Select(k => $"<span class=\"check {Css(k.Status)}\">{E(k.Id)}</span>"));
                var resources = string.Join(" ", Resources(c.Checks).Select(r => $"<a href=\"#{ResourceAnchor(r)}\">{E(r)}</a>"));
                Line($"<tr class=\"{Css(c.Status)}\"><td><a href=\"#{ControlAnchor(f.Id, c.Id)}\">{E(c.Id)}</a></td><td>{E(c.Title)}</td><td><span class=\"badge {Css(c.Status)}\">{StatusText.Upper(c.Status)}</span></td><td>{checks}</td><td>{(resources.Length == 0 ? "none" : resources)}</td></tr>");
            }
            Line("</tbody></table>");
            foreach (var c in f.Controls) RenderControl(Line, f, c);
            Line("</section>");
        }
        RenderResources(Line, report);
        Line("</body>");
        Line("</html>");
        return html.ToString();
    }

    private static void RenderControl(Action<string> line, FrameworkReport f, ControlReport c)
    {
        line($"<details class=\"control\" id=\"{ControlAnchor(f.Id, c.Id)}\"{(c.Status == CheckStatus.Fail ? " open" : "")}><summary>{E(f.Name)} {E(c.Id)}: {E(c.Title)} <span class=\"badge {Css(c.Status)}\">{StatusText.Upper(c.Status)}</span></summary>");
        if (c.Acceptance is { } accepted) line($"<p class=\"accepted\">{E(StatusText.Acceptance(accepted))}</p>");
        foreach (var k in c.Checks)
        {
            line($"<h4><span class=\"check {Css(k.Status)}\">{E(k.Id)}</span> {E(k.Title)}: {E(k.Summary)}</h4>");
            if (k.Evidence.Count == 0) continue;
            line("<table class=\"evidence\"><thead><tr><th>Resource</th><th>Type</th><th>Property</th><th>Value</th><th>Expected</th><th>OK</th></tr></thead><tbody>");
            foreach (var e in k.Evidence)
                line($"<tr class=\"{(e.Satisfied ? "pass" : "fail")}\"><td><a href=\"#{ResourceAnchor(e.Resource)}\">{E(e.Resource)}</a></td><td>{E(e.Type)}</td><td><code>{E(e.Property)}</code></td><td><code>{E(e.Value)}</code></td><td>{E(e.Expected)}</td><td>{(e.Satisfied ? "yes" : "no")}</td></tr>");
            line("</tbody></table>");
        }
        line("</details>");
    }

    private static void RenderResources(Action<string> line, ComplianceReport report)
    {
        var byResource = report.Frameworks.SelectMany(f => f.Controls.SelectMany(c => c.Checks.SelectMany(k => k.Evidence.Select(e => (Framework: f, Control: c, Check: k, Item: e)))))
            .GroupBy(x => x.Item.Resource, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
        line("<section id=\"resources\"><h2>Resources</h2>");
        foreach (var group in byResource)
        {
            var type = group.First().Item.Type;
            line($"<div class=\"resource\" id=\"{ResourceAnchor(group.Key)}\"><h3><code>{E(group.Key)}</code> <small>{E(type)}</small></h3><ul>");
            foreach (var property in group.GroupBy(x => (x.Item.Property, x.Item.Value, x.Item.Satisfied)).OrderBy(p => p.Key.Property, StringComparer.Ordinal))
            {
                var controls = string.Join(", ", property.Select(x => (x.Framework, x.Control)).Distinct()
                    .Select(x => $"<a href=\"#{ControlAnchor(x.Framework.Id, x.Control.Id)}\">{E(x.Framework.Name)} {E(x.Control.Id)}</a>"));
                line($"<li class=\"{(property.Key.Satisfied ? "pass" : "fail")}\"><code>{E(property.Key.Property)}</code> = <code>{E(property.Key.Value)}</code> ({(property.Key.Satisfied ? "ok" : "not ok")}) for {controls}</li>");
            }
            line("</ul></div>");
        }
        line("</section>");
    }

    private static IEnumerable<string> Resources(IEnumerable<CheckReport> checks) =>
        checks.SelectMany(k => k.Evidence).Select(e => e.Resource).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>The anchor of a resource's entry: <c>resource-</c> and its name with anything but letters, digits and dashes turned into dashes.</summary>
    public static string ResourceAnchor(string resource) => "resource-" + Slug(resource);

    /// <summary>The anchor of a control's evidence: <c>control-hipaa-164-312-b</c>.</summary>
    public static string ControlAnchor(string framework, string control) => $"control-{framework}-{Slug(control)}";

    private static string Slug(string text) => NonSlug().Replace(text, "-").Trim('-').ToLowerInvariant();

    [System.Text.RegularExpressions.GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial System.Text.RegularExpressions.Regex NonSlug();

    private static string Css(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "pass",
        CheckStatus.Fail => "fail",
        CheckStatus.AcceptedRisk => "accepted",
        _ => "na",
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Style =
        "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;margin:0 auto;max-width:1200px;padding:24px;color:#1f2328;background:#fff;font-size:15px}" +
        "h1{font-size:26px;margin:0 0 8px}h2{font-size:20px;margin:28px 0 10px;border-bottom:1px solid #d0d7de;padding-bottom:4px}h2 small{font-weight:normal;color:#57606a;font-size:14px}" +
        "h3{font-size:15px;margin:12px 0 4px}h3 small,h4{font-weight:normal;color:#57606a}h4{font-size:14px;margin:10px 0 4px}" +
        "dl.provenance{display:grid;grid-template-columns:max-content auto;gap:2px 16px;margin:8px 0;color:#424a53}dl.provenance dt{font-weight:600}dl.provenance dd{margin:0}" +
        "table{border-collapse:collapse;width:100%;margin:6px 0 12px}th,td{border:1px solid #d0d7de;padding:5px 8px;text-align:left;vertical-align:top}th{background:#f6f8fa}" +
        "table.controls tr.fail td{background:#fff5f5}table.evidence{font-size:13px}table.evidence tr.fail td{background:#ffebe9}" +
        ".badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:700;color:#fff}.badge.pass{background:#1a7f37}.badge.fail{background:#cf222e}.badge.na{background:#6e7781}.badge.accepted{background:#9a6700}p.accepted{color:#9a6700;font-weight:700}" +
        ".check{display:inline-block;margin:1px 2px;padding:0 6px;border-radius:4px;font-size:12px;border:1px solid #d0d7de}.check.pass{color:#1a7f37}.check.fail{color:#cf222e;font-weight:700}.check.na{color:#6e7781}" +
        "details.control{border:1px solid #d0d7de;border-radius:6px;padding:6px 10px;margin:6px 0}details.control summary{cursor:pointer;font-weight:600}" +
        "li.fail{color:#cf222e}code{font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:12.5px}a{color:#0969da}";
}
