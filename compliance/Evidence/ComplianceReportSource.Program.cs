using Toolkit.Core.Diagnostics;

namespace Toolkit.Compliance.Evidence;

public static partial class ComplianceReportSource
{
    private static ComplianceReport FromProgram(ComplianceReportRequest request) =>
        throw new DiagnosticException(Diagnostic.Error("TKC125",
            $"reporting from the synthesized program of '{request.ConfigPath}' needs the stacks synthesizer, which this build does not have yet; pass --outputs outputs.json."));
}
