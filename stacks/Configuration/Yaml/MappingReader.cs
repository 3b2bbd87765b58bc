using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Toolkit.Stacks.Configuration.Yaml;

/// <summary>
/// Reads one YAML mapping of the config strictly: unknown keys are errors with a suggestion, every
/// value's location is recorded under its path, and a bad value is reported and replaced by its default
/// so reading goes on and every error in the file is found in one pass.
/// </summary>
internal sealed class MappingReader
{
    private readonly ReadContext _context;
    private readonly YamlMappingNode _node;

    private MappingReader(ReadContext context, YamlMappingNode node, string path)
    {
        _context = context;
        _node = node;
        Path = path;
    }

    public string Path { get; }

    public YamlNode Node => _node;

    /// <summary>
    /// Opens <paramref name="node"/> as a mapping whose keys must be among <paramref name="keys"/>
    /// (null: any key, checked by the caller). Null when absent or not a mapping (reported).
    /// </summary>
    public static MappingReader? Open(ReadContext context, YamlNode? node, string path, IReadOnlyList<string>? keys)
    {
        if (node is null || ReadContext.IsNull(node)) return null;
        if (node is not YamlMappingNode mapping)
        {
            context.Error(ConfigErrorCodes.InvalidValue, $"'{Describe(path)}' must be a mapping of keys to values", node, path);
            return null;
        }
        context.Record(path, node);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                context.Error(ConfigErrorCodes.InvalidValue, $"keys in '{Describe(path)}' must be plain text", key, path);
                continue;
            }
            var child = ReadContext.Child(path, name);
            if (keys is not null && !keys.Contains(name))
            {
                var where = path.Length == 0 ? "at the top level" : $"in '{path}'";
                context.Error(ConfigErrorCodes.UnknownKey,
                    $"unknown key '{name}' {where}{ClosestMatch.Hint(name, keys)}; known keys: {string.Join(", ", keys)}", key, child);
                continue;
            }
            context.Record(child, value);
        }
        return new MappingReader(context, mapping, path);
    }

    /// <summary>Entries in file order, with their child paths (for mappings keyed by name).</summary>
    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value, string Path)> Entries()
    {
        foreach (var (key, value) in _node.Children)
            if (key is YamlScalarNode { Value: { } name })
                yield return (name, key, value, ReadContext.Child(Path, name));
    }

    public YamlNode? Get(string key)
    {
        var value = _node.Children.TryGetValue(new YamlScalarNode(key), out var found) ? found : null;
        return value is null || ReadContext.IsNull(value) ? null : value;
    }

    public string ChildPath(string key) => ReadContext.Child(Path, key);

    public MappingReader? Mapping(string key, IReadOnlyList<string>? keys) => Open(_context, Get(key), ChildPath(key), keys);

    /// <summary>A text value; a missing required one is reported and returns "".</summary>
    public string? Text(string key, bool required = false)
    {
        var node = Get(key);
        if (node is null)
        {
            if (required) Missing(key);
            return required ? "" : null;
        }
        if (node is YamlScalarNode scalar)
        {
            if (required && string.IsNullOrWhiteSpace(scalar.Value))
                _context.Error(ConfigErrorCodes.MissingKey, $"'{ChildPath(key)}' must not be empty", node, ChildPath(key));
            return scalar.Value ?? "";
        }
        _context.Error(ConfigErrorCodes.InvalidValue, $"'{ChildPath(key)}' must be text, not a {Kind(node)}", node, ChildPath(key));
        return required ? "" : null;
    }

    public string Text(string key, string fallback) => Text(key) ?? fallback;

    public int Integer(string key, int fallback, int min, int max) => (int)Long(key, fallback, min, max);

    public long Long(string key, long fallback, long min, long max)
    {
        if (Scalar(key) is not var (text, node)) return fallback;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        _context.Error(ConfigErrorCodes.InvalidValue, $"'{ChildPath(key)}' must be a whole number from {min} to {max}, not '{text}'", node, ChildPath(key));
        return fallback;
    }

    public double Number(string key, double fallback, double min, double max)
    {
        if (Scalar(key) is not var (text, node)) return fallback;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        _context.Error(ConfigErrorCodes.InvalidValue,
            $"'{ChildPath(key)}' must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, not '{text}'",
            node, ChildPath(key));
        return fallback;
    }

    public bool Boolean(string key, bool fallback)
    {
        if (Scalar(key) is not var (text, node)) return fallback;
        if (text is "true" or "false") return text == "true";
        _context.Error(ConfigErrorCodes.InvalidValue, $"'{ChildPath(key)}' must be true or false, not '{text}'", node, ChildPath(key));
        return fallback;
    }

    /// <summary>One of a fixed set of words (<paramref name="values"/> maps the word to the value).</summary>
    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> values, bool required = false) where T : struct
    {
        var node = Get(key);
        if (node is null)
        {
            if (required) Missing(key);
            return null;
        }
        if (node is YamlScalarNode { Value: { } text } && values.TryGetValue(text, out var value)) return value;
        var shown = node is YamlScalarNode s ? s.Value : Kind(node);
        _context.Error(ConfigErrorCodes.InvalidEnumValue,
            $"'{ChildPath(key)}' must be one of {string.Join(", ", values.Keys)}, not '{shown}'{ClosestMatch.Hint(shown ?? "", values.Keys)}",
            node, ChildPath(key));
        return null;
    }

    /// <summary>A list; items are handed to <paramref name="read"/> with their path. Null when absent or not a list.</summary>
    public List<T>? List<T>(string key, Func<YamlNode, string, T?> read)
    {
        var node = Get(key);
        if (node is null) return null;
        var path = ChildPath(key);
        if (node is not YamlSequenceNode sequence)
        {
            _context.Error(ConfigErrorCodes.InvalidValue, $"'{path}' must be a list, not a {Kind(node)}", node, path);
            return null;
        }
        var items = new List<T>(sequence.Children.Count);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var itemPath = ReadContext.Item(path, i);
            _context.Record(itemPath, sequence.Children[i]);
            if (read(sequence.Children[i], itemPath) is { } item) items.Add(item);
        }
        return items;
    }

    /// <summary>A list of text items.</summary>
    public List<string>? Texts(string key) => List(key, (node, path) =>
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } text }) return text;
        _context.Error(ConfigErrorCodes.InvalidValue, $"'{path}' must be text, not a {Kind(node)}", node, path);
        return null;
    });

    public void Missing(string key) =>
        _context.Error(ConfigErrorCodes.MissingKey, $"'{ChildPath(key)}' is required", _node, ChildPath(key));

    private (string Text, YamlNode Node)? Scalar(string key)
    {
        var node = Get(key);
        if (node is null) return null;
        if (node is YamlScalarNode { Value: { } text }) return (text, node);
        _context.Error(ConfigErrorCodes.InvalidValue, $"'{ChildPath(key)}' must be a single value, not a {Kind(node)}", node, ChildPath(key));
        return null;
    }

    public static string Kind(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "value",
    };

    private static string Describe(string path) => path.Length == 0 ? "the document" : path;
}
