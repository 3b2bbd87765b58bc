using Toolkit.Compliance.Checks;
using Toolkit.Compliance.Evidence;
using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Compliance.Evaluation;

/// <summary>
/// The diagnostics a report stands for (one per failing piece of evidence of each failing control), worded as
/// synth words them, for <c>toolkit compliance report</c> reading a deployed stack's outputs.
/// </summary>
public static class ReportDiagnostics
{
    /// <summary>Errors for mandatory frameworks, warnings for advisory ones, acknowledged warnings for accepted risks, in report order.</summary>
    public static IEnumerable<Diagnostic> Of(ComplianceReport report)
    {
        foreach (var f in report.Frameworks)
        foreach (var c in f.Controls.Where(c => c.Status is CheckStatus.Fail or CheckStatus.AcceptedRisk))
        foreach (var k in c.Checks.Where(k => k.Status == CheckStatus.Fail))
        foreach (var e in k.Evidence.Where(e => !e.Satisfied))
        {
            var message = Message($"{f.Name} {c.Id}", c.Title, e, k.Id);
            if (c.Acceptance is { } accepted)
                yield return Diagnostic.Warning(f.Enforcement == Enforcement.Mandatory ? ComplianceEvaluator.MandatoryCode : ComplianceEvaluator.AdvisoryCode, message) with { Acknowledged = accepted };
            else yield return f.Enforcement == Enforcement.Mandatory
                ? Diagnostic.Error(ComplianceEvaluator.MandatoryCode, message)
                : Diagnostic.Warning(ComplianceEvaluator.AdvisoryCode, message + " (advisory)");
        }
    }

    /// <summary>The one wording of a failing piece of evidence, shared by synth and the report verb.</summary>
    internal static string Message(string control, string title, EvidenceItem e, string check) =>
        $"{control} ({title}) fails: resource '{e.Resource}' ({e.Type}) property '{e.Property}' is {e.Value}, expected {e.Expected} [check {check}]";
}
