using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Catalogue;
using Toolkit.Stacks.Rules;

namespace Toolkit.Stacks.Configuration;

/// <summary>The findings of validating one config: schema errors first, then rule findings.</summary>
public sealed record ValidationReport(IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Findings of severity error.</summary>
    public IReadOnlyList<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error).ToList();

    /// <summary>Findings of severity warning.</summary>
    public IReadOnlyList<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == Severity.Warning).ToList();

    /// <summary>Findings of severity info.</summary>
    public IReadOnlyList<Diagnostic> Infos => Diagnostics.Where(d => d.Severity == Severity.Info).ToList();

    /// <summary>Findings that do not block because an acknowledgement in force accepts them.</summary>
    public IReadOnlyList<Diagnostic> Acknowledged => Diagnostics.Where(d => d.Acknowledged is not null).ToList();

    /// <summary>No errors, and no unacknowledged warnings unless <paramref name="allowWarnings"/>.</summary>
    public bool IsValid(bool allowWarnings = false) => !Diagnostics.Any(d => d.Blocks(allowWarnings));

    /// <summary>Throws the blocking findings (errors, and warnings unless allowed) as one <see cref="DiagnosticException"/>.</summary>
    public void ThrowIfInvalid(bool allowWarnings = false)
    {
        if (!IsValid(allowWarnings))
            throw new DiagnosticException(Diagnostics.Where(d => d.Severity != Severity.Info).ToList());
    }
}

/// <summary>
/// Validates a config: the schema-level checks of <see cref="ConfigChecks"/> plus every compatibility
/// rule (<see cref="RuleEvaluator"/>). Errors block; warnings block unless allowed; info never blocks.
/// </summary>
public static class ConfigValidator
{
    /// <summary>All findings for <paramref name="config"/>.</summary>
    public static ValidationReport Validate(ToolkitConfig config, RuleSet? rules = null, TechnologyCatalogue? catalogue = null)
    {
        var diagnostics = ConfigChecks.Run(config, catalogue).Select(f => f.Diagnostic).ToList();
        var today = Acknowledgement.Today;
        diagnostics.AddRange(RuleEvaluator.Evaluate(config, rules, catalogue)
            .Select(f => Acknowledgements.Apply(f.Diagnostic, config.Acknowledgements, today, f.Rule.Id, f.Rule.Code)));
        return new ValidationReport(diagnostics);
    }

    /// <summary>
    /// Loads <paramref name="path"/> and validates it, throwing when anything blocks: what synth and
    /// preview call before touching the config.
    /// </summary>
    /// <exception cref="DiagnosticException">Load errors, rule errors, or warnings when not allowed.</exception>
    public static ToolkitConfig LoadValid(string path, bool allowWarnings = false)
    {
        var config = ConfigLoader.Load(path);
        Validate(config).ThrowIfInvalid(allowWarnings);
        return config;
    }
}
