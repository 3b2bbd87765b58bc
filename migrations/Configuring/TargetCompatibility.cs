using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Rules;

namespace Toolkit.Migrations.Configuring;

/// <summary>
/// Checks the <c>toolkit.yaml</c> a plan would leave behind against the compatibility rules
/// (<c>stacks/Rules/rules.yaml</c>) before the plan is written. Only findings the swap brings are
/// reported: a rule that already fired before the swap is the platform's own business, not the plan's.
/// </summary>
public static class TargetCompatibility
{
    /// <summary>Option prefix asking the plan to set another technology in <c>toolkit.yaml</c> too (<c>toolkit.edge=cloudflare</c>).</summary>
    public const string OptionPrefix = "toolkit.";

    /// <summary>Errors and warnings of rules that fire on <paramref name="after"/> and did not on <paramref name="before"/>.</summary>
    /// <param name="before">The file as it is.</param>
    /// <param name="after">The file as the plan would write it.</param>
    /// <param name="fileName">The path diagnostics name.</param>
    public static IReadOnlyList<RuleFinding> NewFindings(string before, string after, string fileName)
    {
        var target = ConfigLoader.TryParse(after, fileName).Config;
        if (target is null) return []; // the YAML itself is unusable: 'toolkit validate' says why, and the swap did not cause that
        var source = ConfigLoader.TryParse(before, fileName).Config;
        var already = source is null ? [] : RuleEvaluator.Evaluate(source).Select(f => f.Rule.Id).ToHashSet(StringComparer.Ordinal);
        return RuleEvaluator.Evaluate(target)
            .Where(f => f.Diagnostic.Severity is Severity.Error or Severity.Warning && !already.Contains(f.Rule.Id))
            .ToList();
    }

    /// <summary>
    /// The refusal for rule errors a swap would bring: one located diagnostic per rule, naming the swap, the
    /// rule and how to plan the change that makes the file valid.
    /// </summary>
    public static DiagnosticException Refusal(IReadOnlyList<RuleFinding> errors, IReadOnlyList<string> swapIds, string fileName) =>
        new(errors.Select(f => Diagnostic.Error("MIG036",
            $"{string.Join(" ", swapIds)} would make {fileName} invalid: {f.Diagnostic.Message}{Fix(f.Rule)}",
            f.Diagnostic.Location) with { Suggestions = f.Rule.Suggestions }).ToList());

    // A rule that requires one technology value can be satisfied in the same plan with --option toolkit.CATEGORY=VALUE.
    private static string Fix(CompatibilityRule rule) =>
        rule is { Kind: RuleKind.Requires, Then: [{ Operator: ConditionOperator.AnyOf, Values: [var value] } then] }
        && Stacks.Catalogue.TechnologyCatalogue.Default.Categories.Any(c => c.Id == then.Fact)
            ? $"; to change it in the same plan, pass --option {OptionPrefix}{then.Fact}={value}, or choose another swap"
            : "; nothing was written";
}
