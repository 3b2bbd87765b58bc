using YamlDotNet.RepresentationModel;

namespace Toolkit.Stacks.Catalogue;

/// <summary>
/// The catalogue shipped with the toolkit (embedded <c>catalogue.yaml</c>): technology categories with
/// their options, and the AWS regions configs may name. Loaded once; immutable.
/// </summary>
public sealed class TechnologyCatalogue
{
    /// <summary>The value an optional category takes when nothing is chosen.</summary>
    public const string None = "none";

    private static readonly Lazy<TechnologyCatalogue> Shipped = new(() => Parse(ReadResource("catalogue.yaml")));
    private readonly Dictionary<string, TechnologyCategory> _categories;
    private readonly Dictionary<string, CloudRegion> _regions;

    private TechnologyCatalogue(IReadOnlyList<TechnologyCategory> categories, IReadOnlyList<CloudRegion> regions)
    {
        Categories = categories;
        Regions = regions;
        _categories = categories.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _regions = regions.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    /// <summary>The catalogue embedded in this assembly.</summary>
    public static TechnologyCatalogue Default => Shipped.Value;

    /// <summary>Categories in display order.</summary>
    public IReadOnlyList<TechnologyCategory> Categories { get; }

    /// <summary>Known AWS regions.</summary>
    public IReadOnlyList<CloudRegion> Regions { get; }

    /// <summary>The category <paramref name="id"/>, or null.</summary>
    public TechnologyCategory? Category(string id) => _categories.GetValueOrDefault(id);

    /// <summary>The region <paramref name="id"/>, or null when it is not a real AWS region id.</summary>
    public CloudRegion? Region(string id) => _regions.GetValueOrDefault(id);

    /// <summary>Every option of every category.</summary>
    public IEnumerable<TechnologyOption> AllOptions => Categories.SelectMany(c => c.Options);

    /// <summary>Reads an embedded data file of this assembly (under <c>Toolkit.Stacks.Data.</c>).</summary>
    internal static string ReadResource(string name)
    {
        var assembly = typeof(TechnologyCatalogue).Assembly;
        using var stream = assembly.GetManifestResourceStream("Toolkit.Stacks.Data." + name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static TechnologyCatalogue Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var categories = ((YamlSequenceNode)root["categories"]).Children.Cast<YamlMappingNode>().Select(c =>
        {
            var id = Text(c, "id");
            var options = ((YamlSequenceNode)c["options"]).Children.Cast<YamlMappingNode>().Select(o => new TechnologyOption(
                Text(o, "id"), Text(o, "label"), id, Text(o, "useWhen"),
                Enum.Parse<PricingTier>(Text(o, "pricingTier"), ignoreCase: true),
                Enum.Parse<IntegrationComplexity>(Text(o, "complexity"), ignoreCase: true),
                Text(o, "documentationUrl"))
            {
                Provisions = Optional(o, "provisions"),
                Bring = Optional(o, "bring"),
                SecretSlots = o.Children.TryGetValue(new YamlScalarNode("secretSlots"), out var slots)
                    ? ((YamlSequenceNode)slots).Children.Select(s => ((YamlScalarNode)s).Value ?? "").ToList()
                    : [],
            }).ToList();
            return new TechnologyCategory(id, Text(c, "label"), Text(c, "description"), Text(c, "required") == "true", Text(c, "default"), options);
        }).ToList();
        var regions = ((YamlSequenceNode)root["regions"]).Children.Cast<YamlMappingNode>()
            .Select(r => new CloudRegion(Text(r, "id"), Text(r, "name"), Text(r, "gdprAdequate") == "true")).ToList();
        return new TechnologyCatalogue(categories, regions);
    }

    private static string Text(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value ?? "";

    private static string Optional(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value ?? "" : "";
}
