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

    /// <summary>Evaluates <paramref name="context"/> against <paramref name="catalogue"/> (default: the shipped one).</summary>
    public static ComplianceEvaluation Evaluate(CheckContext context, Provenance provenance, ControlCatalogue? catalogue = null, IReadOnlyList<ICheck>? checks = null)
    {
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
                controls.Add(new ControlReport(control.Id, control.Title, status, checkReports));
                if (status == CheckStatus.Fail) diagnostics.AddRange(Diagnose(context, control, enforcement, checks, checkReports));
            }
            var counts = new ControlCounts(controls.Count(c => c.Status == CheckStatus.Pass), controls.Count(c => c.Status == CheckStatus.Fail),
                controls.Count(c => c.Status == CheckStatus.NotApplicable));
            reports.Add(new FrameworkReport(FrameworkNames.Id(framework), FrameworkNames.Display(framework), enforcement,
                Combine(controls.Select(c => c.Status)), counts, controls));
        }

        var overall = reports.Any(f => f.Enforcement == Enforcement.Mandatory && f.Status == CheckStatus.Fail) ? CheckStatus.Fail
            : reports.Any(f => f.Status == CheckStatus.Pass || f.Status == CheckStatus.Fail) ? CheckStatus.Pass : CheckStatus.NotApplicable;
        var report = new ComplianceReport(ComplianceReport.CurrentSchema, context.Config.Project.Slug, context.Stack, provenance.ToolkitVersion,
            provenance.ConfigFile, provenance.ConfigSha256, context.Program.Regions, overall, reports);
        return new ComplianceEvaluation(report, diagnostics);
    }

    /// <summary>Fail if any fails; pass if any passes; otherwise not applicable.</summary>
    public static CheckStatus Combine(IEnumerable<CheckStatus> statuses)
    {
        var list = statuses.ToList();
        return list.Contains(CheckStatus.Fail) ? CheckStatus.Fail
            : list.Contains(CheckStatus.Pass) ? CheckStatus.Pass : CheckStatus.NotApplicable;
    }

    private static IEnumerable<Diagnostic> Diagnose(CheckContext context, Control control, Enforcement enforcement, IReadOnlyList<ICheck> checks, IReadOnlyList<CheckReport> reports)
    {
        foreach (var check in reports.Where(c => c.Status == CheckStatus.Fail))
        {
            var location = context.Config.Source.Find(checks.First(c => c.Id == check.Id).ConfigPath);
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
