using System.Globalization;
using System.Text;
using System.Text.Json;
using Toolkit.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Toolkit.Compliance.Resources;

/// <summary>
/// Reads a Pulumi YAML program (<c>runtime: yaml</c>) into a <see cref="ProgramView"/>, so checks can run on
/// exactly the file <c>pulumi up</c> runs. Regions come from <c>config: aws:region</c> and every
/// provider resource's <c>region</c>, plus any the caller already knows (the stack's regions).
/// </summary>
public static class PulumiYamlReader
{
    /// <summary>Parses <paramref name="yaml"/>; <paramref name="file"/> names it in errors.</summary>
    /// <exception cref="DiagnosticException">The text is not YAML or has no <c>resources</c> map.</exception>
    public static ProgramView Read(string yaml, string file, IEnumerable<string>? knownRegions = null)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(yaml)); }
        catch (YamlException e)
        {
            throw new DiagnosticException(Diagnostic.Error("TKC100", $"'{file}' is not valid YAML: {e.Message}",
                new SourceLocation(file, (int)e.Start.Line, (int)e.Start.Column)));
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new DiagnosticException(Diagnostic.Error("TKC100", $"'{file}' is not a Pulumi YAML program (no top-level map).", new SourceLocation(file, 1, 1)));

        var resources = new List<ResourceView>();
        if (Child(root, "resources") is YamlMappingNode map)
            foreach (var (key, value) in map.Children)
            {
                if (value is not YamlMappingNode body || Child(body, "type") is not YamlScalarNode type) continue;
                var properties = Child(body, "properties") is { } p ? ToJson(p) : Empty;
                var provider = Child(body, "options") is YamlMappingNode options && Child(options, "provider") is YamlScalarNode { Value: { } reference }
                    ? reference.Trim('$', '{', '}') : null;
                resources.Add(new ResourceView(((YamlScalarNode)key).Value!, type.Value!, properties) { Region = provider });
            }
        // A resource lives in its explicit provider's region, else the default provider's (config aws:region).
        var defaultRegion = Child(root, "config") is YamlMappingNode settings && Child(settings, "aws:region") is YamlScalarNode { Value: { } d } ? d : null;
        var providerRegions = resources.Where(r => r.Type.StartsWith("pulumi:providers:aws", StringComparison.Ordinal) && r.Get("region") is { ValueKind: JsonValueKind.String })
            .ToDictionary(r => r.Name, r => r.Get("region")!.Value.GetString(), StringComparer.Ordinal);
        resources = resources.Select(r => r with
        {
            Region = r.Region is { } provider ? providerRegions.GetValueOrDefault(provider)
                : providerRegions.GetValueOrDefault(r.Name) ?? (r.Type.StartsWith("aws:", StringComparison.Ordinal) ? defaultRegion : null),
        }).ToList();

        var regions = new SortedSet<string>(knownRegions ?? [], StringComparer.Ordinal);
        if (Child(root, "config") is YamlMappingNode config && Child(config, "aws:region") is { } region)
            if (region is YamlScalarNode s) regions.Add(s.Value!);
            else if (region is YamlMappingNode m && Child(m, "value") is YamlScalarNode v) regions.Add(v.Value!);
        foreach (var r in resources)
            if (r.Type.StartsWith("pulumi:providers:aws", StringComparison.Ordinal) && r.Get("region") is { ValueKind: JsonValueKind.String } pr)
                regions.Add(pr.GetString()!);
        return new ProgramView(resources, regions.ToList());
    }

    private static readonly JsonElement Empty = JsonDocument.Parse("{}").RootElement.Clone();

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>Converts a YAML node to JSON, typing plain scalars the way Pulumi YAML does.</summary>
    private static JsonElement ToJson(YamlNode node)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) Write(writer, node);
        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                writer.WriteStartObject();
                foreach (var (key, value) in map.Children)
                {
                    writer.WritePropertyName(((YamlScalarNode)key).Value ?? "");
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children) Write(writer, item);
                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.Plain or ScalarStyle.Any)
        {
            if (text is "true" or "True") { writer.WriteBooleanValue(true); return; }
            if (text is "false" or "False") { writer.WriteBooleanValue(false); return; }
            if (text is "null" or "~" or "") { writer.WriteNullValue(); return; }
            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) { writer.WriteNumberValue(n); return; }
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && text.Any(char.IsDigit)) { writer.WriteNumberValue(d); return; }
        }
        writer.WriteStringValue(text);
    }
}
