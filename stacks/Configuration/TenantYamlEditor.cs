using System.Text;
using Toolkit.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Toolkit.Stacks.Configuration;

/// <summary>
/// Adds, removes and changes one tenant of a <c>toolkit.yaml</c> by editing its text in place: the parser's
/// marks locate the <c>tenants</c> list and the tenant's entry, and only those characters change, so
/// comments, key order, quoting and the rest of the file stay byte for byte as they were. Entries are
/// written in the style the list already uses (block mappings, or one <c>- { ... }</c> per line).
/// </summary>
public static class TenantYamlEditor
{
    /// <summary>The text with <paramref name="tenant"/> appended to <c>tenants</c> (created when missing).</summary>
    public static string Add(string yaml, TenantConfig tenant)
    {
        var fields = Fields(tenant);
        var nl = NewLine(yaml);
        var (root, _) = Parse(yaml);
        if (Find(root, "tenants") is not { } pair)
            return yaml.TrimEnd('\r', '\n') + nl + nl + "tenants:" + nl + Block(fields, "  ", nl);
        if (pair.Value is not YamlSequenceNode { Children.Count: > 0 } list)
        {
            // `tenants: []` or `tenants:` with nothing: that line becomes `tenants:` (its comment kept) and the block list.
            if (pair.Value.Start.Line != pair.Key.Start.Line && pair.Value is not YamlScalarNode)
                throw Refuse("tenants is not a list the editor can extend; write it as `tenants: []` or a block list");
            var from = LineStart(yaml, checked((int)pair.Key.Start.Index));
            var to = LineEnd(yaml, checked((int)pair.Key.Start.Index));
            var line = yaml[from..to].TrimEnd('\r', '\n');
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var gap = hash;
            while (gap > 0 && line[gap - 1] == ' ') gap--;
            var comment = hash < 0 ? "" : line[gap..];
            return yaml[..from] + "tenants:" + comment + nl + Block(fields, "  ", nl) + yaml[to..];
        }
        if (list.Style == YamlDotNet.Core.Events.SequenceStyle.Flow)
            throw Refuse("tenants is a flow list ([...]) with entries; write it as a block list to let toolkit edit it");
        var last = list.Children[^1];
        var indent = new string(' ', checked((int)last.Start.Column - 1 - 2));
        var insertAt = LineEnd(yaml, EndOfItem(list, list.Children.Count - 1));
        var entry = last is YamlMappingNode { Style: YamlDotNet.Core.Events.MappingStyle.Flow }
            ? $"{indent}- {{ {string.Join(", ", fields.Select(f => $"{f.Key}: {f.Value}"))} }}{nl}"
            : Block(fields, indent, nl);
        var prefix = yaml[..insertAt];
        if (!prefix.EndsWith('\n')) prefix += nl;
        return prefix + entry + yaml[insertAt..];
    }

    /// <summary>The text without tenant <paramref name="id"/>; an error naming it when the file does not list it.</summary>
    public static string Remove(string yaml, string id)
    {
        var (root, _) = Parse(yaml);
        var (list, index) = Locate(root, id);
        if (list.Children.Count == 1)
        {
            var pair = Find(root, "tenants")!.Value;
            var from = LineStart(yaml, checked((int)pair.Key.Start.Index));
            var to = LineEnd(yaml, EndOfItem(list, 0));
            return yaml[..from] + "tenants: []" + NewLine(yaml) + yaml[to..];
        }
        var start = LineStart(yaml, checked((int)list.Children[index].Start.Index));
        var stop = LineEnd(yaml, EndOfItem(list, index));
        return yaml[..start] + yaml[stop..];
    }

    /// <summary>The text with <paramref name="key"/> of tenant <paramref name="id"/> set to <paramref name="value"/> (added when missing).</summary>
    public static string Set(string yaml, string id, string key, string value)
    {
        var (root, _) = Parse(yaml);
        var (list, index) = Locate(root, id);
        var item = (YamlMappingNode)list.Children[index];
        var scalar = ConfigWriter.Scalar(value);
        foreach (var (k, v) in item.Children)
            if (k is YamlScalarNode { Value: var name } && name == key)
                return yaml[..checked((int)v.Start.Index)] + scalar + yaml[checked((int)v.End.Index)..];
        if (item.Style == YamlDotNet.Core.Events.MappingStyle.Flow)
        {
            var close = yaml.IndexOf('}', checked((int)item.Children.Last().Value.End.Index));
            var body = yaml[..close].TrimEnd(' ');
            return body + $", {key}: {scalar} " + yaml[close..];
        }
        var firstKey = item.Children.First().Key;
        var indent = new string(' ', checked((int)firstKey.Start.Column - 1));
        var at = LineEnd(yaml, EndOfItem(list, index));
        var nl = NewLine(yaml);
        var prefix = yaml[..at];
        if (!prefix.EndsWith('\n')) prefix += nl;
        return prefix + $"{indent}{key}: {scalar}{nl}" + yaml[at..];
    }

    /// <summary>Removes <paramref name="key"/> of tenant <paramref name="id"/> when present (block entries: its line; flow entries: the pair).</summary>
    public static string Unset(string yaml, string id, string key)
    {
        var (root, _) = Parse(yaml);
        var (list, index) = Locate(root, id);
        var item = (YamlMappingNode)list.Children[index];
        foreach (var (k, v) in item.Children)
        {
            if (k is not YamlScalarNode { Value: var name } || name != key) continue;
            if (item.Style == YamlDotNet.Core.Events.MappingStyle.Flow)
            {
                var from = yaml.LastIndexOf(',', checked((int)k.Start.Index));
                return from < checked((int)item.Start.Index) ? yaml : yaml[..from] + yaml[checked((int)v.End.Index)..];
            }
            return yaml[..LineStart(yaml, checked((int)k.Start.Index))] + yaml[LineEnd(yaml, checked((int)v.End.Index))..];
        }
        return yaml;
    }

    private static List<KeyValuePair<string, string>> Fields(TenantConfig t)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("id", ConfigWriter.Scalar(t.Id)), new("name", ConfigWriter.Scalar(t.Name)),
            new("slug", ConfigWriter.Scalar(t.Slug)), new("subdomain", ConfigWriter.Scalar(t.Subdomain)),
        };
        if (t.CustomDomain is { } domain) fields.Add(new("customDomain", ConfigWriter.Scalar(domain)));
        if (t.Status != TenantStatus.Active) fields.Add(new("status", Words.Of(t.Status)));
        fields.Add(new("plan", ConfigWriter.Scalar(t.Plan)));
        if (t.Isolation is { } isolation) fields.Add(new("isolation", Words.Of(isolation)));
        return fields;
    }

    private static string Block(List<KeyValuePair<string, string>> fields, string indent, string nl)
    {
        var w = new StringBuilder();
        for (var i = 0; i < fields.Count; i++)
            w.Append(indent).Append(i == 0 ? "- " : "  ").Append(fields[i].Key).Append(": ").Append(fields[i].Value).Append(nl);
        return w.ToString();
    }

    /// <summary>Where item <paramref name="index"/> ends: before the next item, or after the last content (not comments or blanks) of the list.</summary>
    private static int EndOfItem(YamlSequenceNode list, int index) => LastContent(list.Children[index]);

    /// <summary>The index of the last character of <paramref name="node"/>'s own text (collections' end marks are not reliable, so descend to the last scalar).</summary>
    private static int LastContent(YamlNode node) => node switch
    {
        YamlMappingNode { Children.Count: > 0 } m => LastContent(m.Children.Last().Value),
        YamlSequenceNode { Children.Count: > 0 } q => LastContent(q.Children[^1]),
        _ => Math.Max(checked((int)node.End.Index) - 1, checked((int)node.Start.Index)),
    };

    private static (YamlSequenceNode List, int Index) Locate(YamlMappingNode root, string id)
    {
        if (Find(root, "tenants")?.Value is YamlSequenceNode list)
            for (var i = 0; i < list.Children.Count; i++)
                if (list.Children[i] is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("id"), out var v) && v is YamlScalarNode { Value: var value } && value == id)
                    return (list, i);
        throw Refuse($"tenant '{id}' is not in the config's tenants");
    }

    private static KeyValuePair<YamlNode, YamlNode>? Find(YamlMappingNode root, string key)
    {
        foreach (var pair in root.Children)
            if (pair.Key is YamlScalarNode { Value: var k } && k == key) return pair;
        return null;
    }

    private static (YamlMappingNode Root, YamlStream Stream) Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw Refuse("the config is not one YAML mapping");
        return (root, stream);
    }

    private static int LineStart(string text, int index) => text.LastIndexOf('\n', Math.Max(index - 1, 0)) is var i && i < 0 || index == 0 ? 0 : i + 1;

    private static int LineEnd(string text, int index) => text.IndexOf('\n', Math.Min(index, text.Length)) is var i && i < 0 ? text.Length : i + 1;

    private static string NewLine(string text) => text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";

    private static DiagnosticException Refuse(string message) => new(Diagnostic.Error("tenant-config", message + "."));
}
