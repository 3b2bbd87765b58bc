using Toolkit.Compliance.Checks;
using Toolkit.Compliance.Controls;
using Toolkit.Compliance.Evidence;
using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Compliance.Evaluation;

/// <summary>The evaluated evidence and the diagnostics synth must print (errors for mandatory frameworks, warnings for advisory).</summary>
public sealed record ComplianceEvaluation(ComplianceReport Report, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Whether a mandatory control failed (synth must fail).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>
/// Runs every check the frameworks in force need (each once), maps the results onto the controls of the
/// catalogue, and applies each framework's enforcement from <c>compliance.enforcement</c>.
/// </summary>
public static class ComplianceEvaluator
{
    /// <summary>Diagnostic code of a failed mandatory control.</summary>
    public const string MandatoryCode = "TKC001";

    /// <summary>Diagnostic code of a failed advisory control.</summary>
    public const string AdvisoryCode = "TKC002";

    /// <summary>
    /// Evaluates <paramref name="context"/> against <paramref name="catalogue"/> (default: the shipped one). A failing
    /// control that an acknowledgement in force names (<c>gdpr/Art. 44</c>, <c>GDPR Art. 44</c>, or one of the control's
    /// rules such as <c>TK2009</c>) is reported as accepted risk with its reason, and its findings become acknowledged
    /// warnings; once the acknowledgement expires (judged on <paramref name="today"/>, default today UTC) it fails again.
    /// </summary>
    public static ComplianceEvaluation Evaluate(CheckContext context, Provenance provenance, ControlCatalogue? catalogue = null, IReadOnlyList<ICheck>? checks = null,
        DateOnly? today = null)
    {
        var day = today ?? Acknowledgement.Today;
        catalogue ??= ControlCatalogue.Default;
        checks ??= CheckSet.All;
        var compliance = context.Compliance;
        var frameworks = compliance.Frameworks.Distinct().Order().ToList();
        // Each check runs once per framework: floors (log retention, isolation) differ between frameworks.
        var results = new Dictionary<(string, ComplianceFramework), (ICheck Check, CheckResult Result)>();
        (ICheck Check, CheckResult Result) Run(string id, ComplianceFramework framework)
        {
            if (results.TryGetValue((id, framework), out var cached)) return cached;
            var check = checks.FirstOrDefault(c => c.Id == id)
                ?? throw new InvalidOperationException($"The controls catalogue names check '{id}', which does not exist.");
            return results[(id, framework)] = (check, check.Run(context with { Framework = framework }));
        }

        var diagnostics = new List<Diagnostic>();
        var reports = new List<FrameworkReport>();
        foreach (var framework in frameworks)
        {
            var enforcement = compliance.Enforcement.TryGetValue(framework, out var e) ? e : Enforcement.Mandatory;
            var controls = new List<ControlReport>();
            foreach (var control in catalogue.For(framework))
            {
                var checkReports = control.CheckIds.Select(id => Run(id, framework))
                    .Select(r => new CheckReport(r.Check.Id, r.Check.Title, r.Result.Status, r.Result.Summary, r.Result.Evidence)).ToList();
                var status = Combine(checkReports.Select(c => c.Status));
                var (held, expired) = status == CheckStatus.Fail
                    ? Acknowledgements.Match(context.Config.Acknowledgements, day, [control.RuleId, control.DisplayName, .. control.RuleIds])
                    : (null, null);
                controls.Add(new ControlReport(control.Id, control.Title, held is null ? status : CheckStatus.AcceptedRisk, checkReports)
                {
                    Acceptance = held?.ToDiagnostic(),
                });
                if (status == CheckStatus.Fail)
                    diagnostics.AddRange(Diagnose(context, control, enforcement, checks, checkReports).Select(d => Acknowledge(d, held, expired)));
            }
            var counts = new ControlCounts(controls.Count(c => c.Status == CheckStatus.Pass), controls.Count(c => c.Status == CheckStatus.Fail),
                controls.Count(c => c.Status == CheckStatus.NotApplicable)) { AcceptedRisk = controls.Count(c => c.Status == CheckStatus.AcceptedRisk) };
            reports.Add(new FrameworkReport(FrameworkNames.Id(framework), FrameworkNames.Display(framework), enforcement,
                Combine(controls.Select(c => c.Status)), counts, controls));
        }

        var overall = reports.Any(f => f.Enforcement == Enforcement.Mandatory && f.Status == CheckStatus.Fail) ? CheckStatus.Fail
            : reports.Any(f => f.Status is CheckStatus.Pass or CheckStatus.Fail or CheckStatus.AcceptedRisk) ? CheckStatus.Pass : CheckStatus.NotApplicable;
        var report = new ComplianceReport(ComplianceReport.CurrentSchema, context.Config.Project.Slug, context.Stack, provenance.ToolkitVersion,
            provenance.ConfigFile, provenance.ConfigSha256, context.Program.Regions, overall, reports);
        return new ComplianceEvaluation(report, diagnostics);
    }

    /// <summary>Fail if any fails; accepted risk if any is; pass if any passes; otherwise not applicable.</summary>
    public static CheckStatus Combine(IEnumerable<CheckStatus> statuses)
    {
        var list = statuses.ToList();
        return list.Contains(CheckStatus.Fail) ? CheckStatus.Fail
            : list.Contains(CheckStatus.AcceptedRisk) ? CheckStatus.AcceptedRisk
            : list.Contains(CheckStatus.Pass) ? CheckStatus.Pass : CheckStatus.NotApplicable;
    }

    // An accepted control's findings print as acknowledged warnings (they no longer block); an expired acceptance
    // leaves them as they were, with a suggestion to renew it.
    private static Diagnostic Acknowledge(Diagnostic diagnostic, Acknowledgement? held, Acknowledgement? expired)
    {
        if (held is not null) return diagnostic with { Severity = Severity.Warning, Acknowledged = held.ToDiagnostic() };
        return expired is null ? diagnostic : diagnostic with { Suggestions = [Acknowledgements.ExpiredSuggestion(expired), .. diagnostic.Suggestions] };
    }

    private static IEnumerable<Diagnostic> Diagnose(CheckContext context, Control control, Enforcement enforcement, IReadOnlyList<ICheck> checks, IReadOnlyList<CheckReport> reports)
    {
        foreach (var check in reports.Where(c => c.Status == CheckStatus.Fail))
        {
            var location = context.Config.Source.Find(checks.First(c => c.Id == check.Id).ConfigPath.Replace("{stack}", context.Stack, StringComparison.Ordinal));
            foreach (var item in check.Evidence.Where(i => !i.Satisfied))
            {
                var message = ReportDiagnostics.Message(control.DisplayName, control.Title, item, check.Id);
                yield return enforcement == Enforcement.Mandatory
                    ? Diagnostic.Error(MandatoryCode, message, location)
                    : Diagnostic.Warning(AdvisoryCode, message + " (advisory)", location);
            }
        }
    }
}
