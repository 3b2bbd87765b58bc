using Toolkit.Core.Diagnostics;

namespace Toolkit.Stacks.Rules;

/// <summary>How a rule's <c>then</c> relates to its <c>when</c>.</summary>
public enum RuleKind
{
    /// <summary>When <c>when</c> holds, <c>then</c> must hold too; fires when it does not.</summary>
    Requires,
    /// <summary>Fires when <c>when</c> and <c>then</c> both hold: the combination is broken.</summary>
    ConflictsWith,
    /// <summary>Fires when <c>when</c> and <c>then</c> both hold: the combination works but costs or risks something.</summary>
    WarnsWith,
}

/// <summary>How a condition compares a fact: equals one of the values, or a numeric bound.</summary>
public enum ConditionOperator
{
    /// <summary>The fact (or, for a set, one of its members) is one of <see cref="RuleCondition.Values"/>.</summary>
    AnyOf,
    /// <summary>The fact (or every member of a set) is none of <see cref="RuleCondition.Values"/>.</summary>
    NoneOf,
    /// <summary>Number (or set size) strictly greater.</summary>
    Above,
    /// <summary>Number (or set size) greater or equal.</summary>
    AtLeast,
    /// <summary>Number (or set size) strictly less.</summary>
    Below,
    /// <summary>Number (or set size) less or equal.</summary>
    AtMost,
}

/// <summary>One test on one fact of a config (<c>database: neon</c>, <c>tenantCount: { above: 50 }</c>).</summary>
public sealed record RuleCondition(string Fact, ConditionOperator Operator, IReadOnlyList<string> Values, double Bound = 0)
{
    /// <summary>Whether <paramref name="fact"/> satisfies the condition.</summary>
    public bool Holds(FactValue fact) => Operator switch
    {
        ConditionOperator.AnyOf => fact.Items.Any(Values.Contains),
        ConditionOperator.NoneOf => !fact.Items.Any(Values.Contains),
        ConditionOperator.Above => fact.Number > Bound,
        ConditionOperator.AtLeast => fact.Number >= Bound,
        ConditionOperator.Below => fact.Number < Bound,
        _ => fact.Number <= Bound,
    };
}

/// <summary>
/// A compatibility rule (shipped in <c>rules.yaml</c>): when its <see cref="When"/> conditions all hold,
/// <see cref="Kind"/> decides from <see cref="Then"/> whether it fires; a firing rule is a diagnostic of
/// <see cref="Severity"/> with <see cref="Code"/>, its message and suggestions.
/// </summary>
public sealed record CompatibilityRule(
    string Id,
    string Code,
    RuleKind Kind,
    Severity Severity,
    IReadOnlyList<RuleCondition> When,
    IReadOnlyList<RuleCondition> Then,
    string Message,
    IReadOnlyList<string> Suggestions,
    string? DocumentationUrl,
    string At);
