using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Toolkit.Core.Diagnostics;

namespace Toolkit.Stacks.Schemas;

/// <summary>
/// Cuts whole provider schemas down to what the stacks use: the named resources (and the provider), and
/// every object or enum type reachable from them through <c>$ref</c> (followed inside the file, never by token
/// spelling). The result keeps the schema format, so <see cref="SchemaReader"/> reads it like the original.
/// </summary>
public static class SchemaExtractor
{
    /// <summary>
    /// The subset of <paramref name="schemaFile"/> for <paramref name="resourceTypes"/>, as indented JSON
    /// (keys sorted, so the file is stable).
    /// </summary>
    public static string Extract(string schemaFile, IEnumerable<string> resourceTypes)
    {
        JsonObject root;
        try { root = JsonNode.Parse(File.ReadAllText(schemaFile))!.AsObject(); }
        catch (JsonException e) { throw new DiagnosticException(Diagnostic.Error("TK-SCHEMA-READ", $"'{schemaFile}' is not JSON: {e.Message}")); }
        var resources = root["resources"]?.AsObject() ?? [];
        var types = root["types"]?.AsObject() ?? [];

        var keptResources = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var token in resourceTypes.Distinct())
        {
            if (resources[token] is not { } resource)
                throw new DiagnosticException(Diagnostic.Error("TK-SCHEMA-TYPE", $"'{schemaFile}' has no resource '{token}'."));
            keptResources[token] = Inputs(resource);
        }

        var keptTypes = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        var pending = new Stack<JsonNode>();
        foreach (var r in keptResources.Values) pending.Push(r!);
        if (root["provider"] is { } provider) pending.Push(Inputs(provider));
        while (pending.Count > 0)
            foreach (var reference in References(pending.Pop()))
            {
                const string local = "#/types/";
                if (!reference.StartsWith(local, StringComparison.Ordinal)) continue;
                var token = Uri.UnescapeDataString(reference[local.Length..]);
                if (keptTypes.ContainsKey(token) || types[token] is not { } type) continue;
                var copy = Trim(type);
                keptTypes[token] = copy;
                pending.Push(copy);
            }

        var subset = new JsonObject
        {
            ["name"] = root["name"]?.DeepClone(),
            ["version"] = root["version"]?.DeepClone(),
            ["_source"] = $"subset of {Path.GetFileName(schemaFile)} ({root["_source"]?.GetValue<string>() ?? "pulumi package get-schema"}) for the resources Toolkit's stacks use; refresh with scripts/refresh-schemas.sh",
            ["provider"] = root["provider"] is { } p ? Inputs(p) : new JsonObject(),
            ["resources"] = new JsonObject(keptResources.Select(kv => KeyValuePair.Create(kv.Key, kv.Value))),
            ["types"] = new JsonObject(keptTypes.Select(kv => KeyValuePair.Create(kv.Key, kv.Value))),
        };
        return subset.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>Gzips <paramref name="json"/> deterministically (no timestamp, no file name).</summary>
    public static byte[] Gzip(string json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(json));
        return buffer.ToArray();
    }

    // Keep only what validation reads: inputs and required lists (outputs, descriptions and functions go).
    private static JsonObject Inputs(JsonNode resource) => new()
    {
        ["inputProperties"] = resource["inputProperties"]?.DeepClone() ?? new JsonObject(),
        ["requiredInputs"] = resource["requiredInputs"]?.DeepClone() ?? new JsonArray(),
    };

    private static JsonNode Trim(JsonNode type)
    {
        var copy = new JsonObject();
        foreach (var key in new[] { "type", "properties", "required", "enum" })
            if (type[key] is { } value) copy[key] = value.DeepClone();
        return copy;
    }

    private static IEnumerable<string> References(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (key == "$ref" && value is JsonValue v && v.TryGetValue<string>(out var reference)) yield return reference;
                    else if (value is not null) foreach (var r in References(value)) yield return r;
                }
                break;
            case JsonArray a:
                foreach (var item in a) if (item is not null) foreach (var r in References(item)) yield return r;
                break;
        }
    }
}
