using System.Globalization;
using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Catalogue;
using YamlDotNet.RepresentationModel;

namespace Toolkit.Stacks.Rules;

/// <summary>
/// The compatibility rules shipped in the embedded <c>rules.yaml</c> (or read from other text). Every
/// fact a rule names must exist, so a typo in the rule data fails at load, not silently never firing.
/// </summary>
public sealed class RuleSet
{
    private static readonly Lazy<RuleSet> Shipped = new(() => Parse(TechnologyCatalogue.ReadResource("rules.yaml"), TechnologyCatalogue.Default));

    private RuleSet(IReadOnlyList<CompatibilityRule> rules) => Rules = rules;

    /// <summary>The rules embedded in this assembly.</summary>
    public static RuleSet Default => Shipped.Value;

    /// <summary>Rules in file order.</summary>
    public IReadOnlyList<CompatibilityRule> Rules { get; }

    /// <summary>Parses rule data; throws <see cref="InvalidDataException"/> naming the rule and field that is wrong.</summary>
    public static RuleSet Parse(string yaml, TechnologyCatalogue catalogue)
    {
        var facts = catalogue.Categories.Select(c => c.Id).Concat(ConfigFacts.DerivedFactNames).ToHashSet(StringComparer.Ordinal);
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var rules = new List<CompatibilityRule>();
        foreach (var node in ((YamlSequenceNode)root["rules"]).Children.Cast<YamlMappingNode>())
        {
            var id = Text(node, "id") ?? throw new InvalidDataException($"a rule at line {node.Start.Line} has no id");
            string Need(string key) => Text(node, key) ?? throw new InvalidDataException($"rule {id} has no {key}");
            var when = Conditions(node, "when", id, facts);
            var then = Conditions(node, "then", id, facts);
            if (when.Count == 0) throw new InvalidDataException($"rule {id} has no 'when' conditions");
            var kind = Need("kind") switch
            {
                "requires" => RuleKind.Requires,
                "conflicts-with" => RuleKind.ConflictsWith,
                "warns-with" => RuleKind.WarnsWith,
                var other => throw new InvalidDataException($"rule {id}: unknown kind '{other}'"),
            };
            if (kind == RuleKind.Requires && then.Count == 0) throw new InvalidDataException($"rule {id}: 'requires' needs 'then' conditions");
            var severity = Need("severity") switch
            {
                "error" => Severity.Error,
                "warning" => Severity.Warning,
                "info" => Severity.Info,
                var other => throw new InvalidDataException($"rule {id}: unknown severity '{other}'"),
            };
            var at = Text(node, "at") ?? when[0].Fact;
            if (!facts.Contains(at)) throw new InvalidDataException($"rule {id}: 'at' names unknown fact '{at}'");
            var suggestions = node.Children.TryGetValue(new YamlScalarNode("suggestions"), out var s)
                ? ((YamlSequenceNode)s).Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToList() : [];
            rules.Add(new CompatibilityRule(id, Need("code"), kind, severity, when, then, Need("message"), suggestions, Text(node, "documentationUrl"), at));
        }
        var duplicate = rules.GroupBy(r => r.Code).FirstOrDefault(g => g.Count() > 1) ?? rules.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidDataException($"two rules share '{duplicate.Key}'");
        return new RuleSet(rules);
    }

    private static List<RuleCondition> Conditions(YamlMappingNode rule, string key, string id, HashSet<string> facts)
    {
        if (!rule.Children.TryGetValue(new YamlScalarNode(key), out var node)) return [];
        var conditions = new List<RuleCondition>();
        foreach (var (factNode, valueNode) in ((YamlMappingNode)node).Children)
        {
            var fact = ((YamlScalarNode)factNode).Value!;
            if (!facts.Contains(fact)) throw new InvalidDataException($"rule {id}: unknown fact '{fact}' in '{key}'");
            conditions.Add(valueNode switch
            {
                YamlScalarNode scalar => new RuleCondition(fact, ConditionOperator.AnyOf, [scalar.Value!]),
                YamlSequenceNode list => new RuleCondition(fact, ConditionOperator.AnyOf, list.Children.Select(c => ((YamlScalarNode)c).Value!).ToList()),
                YamlMappingNode bound when bound.Children.Count == 1 => Bound(bound, id, fact),
                _ => throw new InvalidDataException($"rule {id}: condition on '{fact}' must be a value, a list or one bound"),
            });
        }
        return conditions;
    }

    private static RuleCondition Bound(YamlMappingNode bound, string id, string fact)
    {
        var (op, value) = bound.Children.Single();
        if (((YamlScalarNode)op).Value == "not")
            return new RuleCondition(fact, ConditionOperator.NoneOf, value is YamlSequenceNode list
                ? list.Children.Select(c => ((YamlScalarNode)c).Value!).ToList()
                : [((YamlScalarNode)value).Value!]);
        var limit = double.Parse(((YamlScalarNode)value).Value!, CultureInfo.InvariantCulture);
        var comparison = ((YamlScalarNode)op).Value switch
        {
            "above" => ConditionOperator.Above,
            "atLeast" => ConditionOperator.AtLeast,
            "below" => ConditionOperator.Below,
            "atMost" => ConditionOperator.AtMost,
            var other => throw new InvalidDataException($"rule {id}: unknown bound '{other}' on '{fact}'"),
        };
        return new RuleCondition(fact, comparison, [], limit);
    }

    private static string? Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
}
