using System.Text.RegularExpressions;
using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Catalogue;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Stacks.Rules;

/// <summary>A rule that fired on a config, with the diagnostic to print.</summary>
public sealed record RuleFinding(CompatibilityRule Rule, Diagnostic Diagnostic);

/// <summary>Evaluates compatibility rules against a config's facts.</summary>
public static partial class RuleEvaluator
{
    /// <summary>The rules of <paramref name="rules"/> (default: the shipped ones) that fire on <paramref name="config"/>, in rule order.</summary>
    public static IReadOnlyList<RuleFinding> Evaluate(ToolkitConfig config, RuleSet? rules = null, TechnologyCatalogue? catalogue = null)
    {
        var facts = new ConfigFacts(config, catalogue ?? TechnologyCatalogue.Default);
        var findings = new List<RuleFinding>();
        foreach (var rule in (rules ?? RuleSet.Default).Rules)
        {
            if (!Fires(rule, facts)) continue;
            var message = $"{Fill(rule.Message, facts)} [rule {rule.Id}]";
            var diagnostic = new Diagnostic(rule.Severity, rule.Code, message, config.Source.Find(facts[rule.At].Path)) { Suggestions = rule.Suggestions };
            findings.Add(new RuleFinding(rule, diagnostic));
        }
        return findings;
    }

    /// <summary>Whether <paramref name="rule"/> fires on <paramref name="facts"/>.</summary>
    public static bool Fires(CompatibilityRule rule, ConfigFacts facts)
    {
        if (!rule.When.All(c => c.Holds(facts[c.Fact]))) return false;
        var then = rule.Then.All(c => c.Holds(facts[c.Fact]));
        return rule.Kind == RuleKind.Requires ? !then : then;
    }

    private static string Fill(string message, ConfigFacts facts) =>
        Placeholder().Replace(message, m => facts.Has(m.Groups[1].Value) ? facts[m.Groups[1].Value].Display : m.Value);

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
