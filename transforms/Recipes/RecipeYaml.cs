using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Toolkit.Transforms.Recipes;

/// <summary>
/// Reads and writes the recipe YAML format (one recipe per file):
/// <code>
/// name: Toolkit.Ai.OpenAiToAnthropic
/// displayName: OpenAI chat to Anthropic messages
/// description: Moves chat completions to the Anthropic messages API.
/// recipeList:
///   - Toolkit.Rewriters.OpenAiChatToAnthropic
///   - Toolkit.ChangePackage:
///       from: OpenAI
///       to: Anthropic
///       version: 12.36.0
/// </code>
/// Option values are text or a map of text to text. Errors name the source and line.
/// </summary>
public static class RecipeYaml
{
    private static readonly string[] TopLevelKeys = ["name", "displayName", "description", "recipeList"];

    /// <summary>Parses one recipe.</summary>
    /// <exception cref="RecipeException">Bad YAML or a missing or misplaced field (message has source:line).</exception>
    public static RecipeDefinition Parse(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new RecipeException($"{source}:{e.Start.Line}: not valid YAML: {e.Message}");
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new RecipeException($"{source}:1: a recipe file holds one mapping (name, displayName, description, recipeList).");

        foreach (var key in root.Children.Keys.OfType<YamlScalarNode>().Where(k => !TopLevelKeys.Contains(k.Value)))
            throw new RecipeException($"{source}:{Line(key)}: unknown field '{key.Value}' (known: {string.Join(", ", TopLevelKeys)}).");

        string Text(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { Length: > 0 } value }
            ? value
            : throw new RecipeException($"{source}:{Line(root)}: '{key}' is required and must be text.");

        if (!root.Children.TryGetValue(new YamlScalarNode("recipeList"), out var listNode) || listNode is not YamlSequenceNode list || list.Children.Count == 0)
            throw new RecipeException($"{source}:{Line(root)}: 'recipeList' is required and must list at least one recipe.");

        return new RecipeDefinition(Text("name"), Text("displayName"), Text("description"), list.Children.Select(n => Step(n, source)).ToList())
        {
            Source = source,
        };
    }

    /// <summary>Writes <paramref name="recipe"/> in the same format (<c>\n</c> line ends, keys in a fixed order).</summary>
    public static string Serialize(RecipeDefinition recipe)
    {
        var root = new YamlMappingNode
        {
            { "name", recipe.Name },
            { "displayName", recipe.DisplayName },
            { "description", recipe.Description },
            { "recipeList", new YamlSequenceNode(recipe.RecipeList.Select(StepNode)) },
        };
        var writer = new StringWriter { NewLine = "\n" };
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString().Replace("\r\n", "\n");
        // YamlDotNet closes the document with "...": not needed for one document per file.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static YamlNode StepNode(RecipeStep step)
    {
        if (step.Options.Count == 0) return new YamlScalarNode(step.RecipeName);
        var options = new YamlMappingNode();
        foreach (var (key, value) in step.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            options.Add(key, value switch
            {
                string text => new YamlScalarNode(text) { Style = NeedsQuotes(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any },
                IReadOnlyDictionary<string, string> map => new YamlMappingNode(map.OrderBy(e => e.Key, StringComparer.Ordinal)
                    .Select(e => new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(e.Key) { Style = NeedsQuotes(e.Key) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any },
                        new YamlScalarNode(e.Value) { Style = NeedsQuotes(e.Value) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any }))),
                _ => throw new RecipeException($"{step.RecipeName}: option '{key}' has an unsupported value type."),
            });
        }
        return new YamlMappingNode { { step.RecipeName, options } };
    }

    // Values such as "12.36.0" or "true" stay text when read back only if quoted.
    private static bool NeedsQuotes(string value) =>
        value.Length == 0 || value.Contains(':') || value.Contains('#') || char.IsDigit(value[0]) || value is "true" or "false" or "null" or "~";

    private static RecipeStep Step(YamlNode node, string source)
    {
        switch (node)
        {
            case YamlScalarNode { Value: { Length: > 0 } name }:
                return new RecipeStep(name, new Dictionary<string, object>()) { Line = Line(node) };
            case YamlMappingNode { Children.Count: 1 } single when single.Children.First() is { Key: YamlScalarNode { Value: { Length: > 0 } name }, Value: YamlMappingNode options }:
                var values = new SortedDictionary<string, object>(StringComparer.Ordinal);
                foreach (var (key, value) in options.Children)
                {
                    var optionName = (key as YamlScalarNode)?.Value ?? throw new RecipeException($"{source}:{Line(key)}: option names are text.");
                    values[optionName] = value switch
                    {
                        YamlScalarNode scalar => scalar.Value ?? "",
                        YamlMappingNode map => map.Children.ToDictionary(
                            e => (e.Key as YamlScalarNode)?.Value ?? throw new RecipeException($"{source}:{Line(e.Key)}: map keys are text."),
                            e => (e.Value as YamlScalarNode)?.Value ?? throw new RecipeException($"{source}:{Line(e.Value)}: map values are text."),
                            StringComparer.Ordinal) as IReadOnlyDictionary<string, string>,
                        _ => throw new RecipeException($"{source}:{Line(value)}: option '{optionName}' must be text or a map."),
                    };
                }
                return new RecipeStep(name, values) { Line = Line(node) };
            default:
                throw new RecipeException($"{source}:{Line(node)}: a recipeList entry is a recipe name, or one name mapped to its options.");
        }
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;

    /// <summary>Reads every embedded recipe file of this assembly, sorted by resource name.</summary>
    public static IReadOnlyList<RecipeDefinition> LoadEmbedded()
    {
        var assembly = typeof(RecipeYaml).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("recipes/", StringComparison.Ordinal) && n.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                return Parse(reader.ReadToEnd(), n);
            })
            .ToList();
    }
}
