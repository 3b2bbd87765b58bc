using Toolkit.Compliance.Controls;
using Toolkit.Core.Diagnostics;

namespace Toolkit.Compliance.Evidence;

/// <summary>What <c>toolkit compliance report</c> was asked for.</summary>
/// <param name="ConfigPath">The toolkit.yaml.</param>
/// <param name="Stack">Stack name.</param>
/// <param name="OutputsPath">A <c>pulumi stack output --json</c> file, or null to synthesize the program.</param>
/// <param name="Frameworks">Framework ids to keep (empty: all in force).</param>
public sealed record ComplianceReportRequest(string ConfigPath, string Stack, string? OutputsPath, IReadOnlyList<string> Frameworks);

/// <summary>Loads the report a request names: from the deployed stack's outputs, or from the synthesized program.</summary>
public static partial class ComplianceReportSource
{
    /// <summary>Loads and filters the report.</summary>
    /// <exception cref="DiagnosticException">Bad input: unknown framework, unreadable outputs or config, wrong stack.</exception>
    public static ComplianceReport Load(ComplianceReportRequest request)
    {
        var wanted = request.Frameworks.SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(f => FrameworkNames.TryParse(f) is { } parsed ? FrameworkNames.Id(parsed)
                : throw new DiagnosticException(Diagnostic.Error("TKC121", $"--framework: unknown framework '{f}' (known: {FrameworkNames.Known}).")))
            .ToHashSet(StringComparer.Ordinal);
        if (!File.Exists(request.ConfigPath))
            throw new DiagnosticException(Diagnostic.Error("TKC122", $"config file '{request.ConfigPath}' does not exist."));

        var report = request.OutputsPath is { } outputs ? FromOutputs(outputs, request) : FromProgram(request);
        if (wanted.Count == 0) return report;
        var missing = wanted.Where(w => report.Frameworks.All(f => f.Id != w)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            throw new DiagnosticException(Diagnostic.Error("TKC123",
                $"--framework {string.Join(", ", missing)}: not in force for stack '{report.Stack}' (in force: {(report.Frameworks.Count == 0 ? "none" : string.Join(", ", report.Frameworks.Select(f => f.Id)))}); add it to compliance.frameworks in {Path.GetFileName(request.ConfigPath)}."));
        return report with { Frameworks = report.Frameworks.Where(f => wanted.Contains(f.Id)).ToList() };
    }

    private static ComplianceReport FromOutputs(string outputs, ComplianceReportRequest request)
    {
        var report = OutputsFile.Read(outputs);
        if (!string.Equals(report.Stack, request.Stack, StringComparison.Ordinal))
            throw new DiagnosticException(Diagnostic.Error("TKC124",
                $"'{outputs}' holds the compliance evidence of stack '{report.Stack}', not '{request.Stack}'.", new SourceLocation(outputs, 1, 1)));
        return report;
    }
}
