using System.IO.Compression;
using System.Text.Json;
using Toolkit.Core.Diagnostics;

namespace Toolkit.Stacks.Schemas;

/// <summary>
/// Reads Pulumi package schemas (the JSON <c>pulumi package get-schema</c> prints, or the rebuilt ones in
/// <c>../shared/pulumi-schemas</c>): resources' <c>inputProperties</c>/<c>requiredInputs</c>, the provider's, and
/// <c>types</c> (objects with <c>properties</c>/<c>required</c>, enums with <c>enum</c>), resources' output <c>properties</c>, and
/// <c>functions</c> (<c>inputs</c> and <c>outputs</c>). Other keys are ignored.
/// </summary>
public static class SchemaReader
{
    /// <summary>Reads one schema file (<c>.json</c>, or <c>.json.gz</c>).</summary>
    public static PackageSchema ReadFile(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Read(path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DiagnosticException(Diagnostic.Error("TK-SCHEMA-READ", $"Cannot read schema file '{path}': {e.Message}", new SourceLocation(path, 1, 1)));
        }
    }

    /// <summary>Reads every <c>*.json</c> (or gzipped <c>*.json.gz</c>) schema in <paramref name="directory"/>.</summary>
    public static IReadOnlyList<PackageSchema> ReadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DiagnosticException(Diagnostic.Error("TK-SCHEMA-DIR", $"Schema directory '{directory}' does not exist."));
        var files = Directory.EnumerateFiles(directory, "*.json").Concat(Directory.EnumerateFiles(directory, "*.json.gz"))
            .Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            throw new DiagnosticException(Diagnostic.Error("TK-SCHEMA-DIR", $"Schema directory '{directory}' holds no *.json schema files."));
        return files.Select(ReadFile).ToList();
    }

    /// <summary>Reads a schema from <paramref name="stream"/>; <paramref name="origin"/> names it in errors.</summary>
    public static PackageSchema Read(Stream stream, string origin)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 256 }); }
        catch (JsonException e)
        {
            throw new DiagnosticException(Diagnostic.Error("TK-SCHEMA-READ",
                $"'{origin}' is not a Pulumi package schema: {e.Message}", new SourceLocation(origin, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1)));
        }
        // The document stays alive with the schema: resources and types are read from it on first lookup.
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
        {
            document.Dispose();
            throw new DiagnosticException(Diagnostic.Error("TK-SCHEMA-READ", $"'{origin}' is not a Pulumi package schema: it has no top-level \"name\".", new SourceLocation(origin, 1, 1)));
        }
        var resources = new LazySchemaTable<ObjectSchema>(root.TryGetProperty("resources", out var res) ? res : default,
            (_, r) => Inputs(r) with { Outputs = Names(r, "properties") });
        var functions = new LazySchemaTable<FunctionSchema>(root.TryGetProperty("functions", out var fs) ? fs : default, Function);
        var types = new LazySchemaTable<NamedType>(root.TryGetProperty("types", out var ts) ? ts : default, Named);
        var provider = root.TryGetProperty("provider", out var p) && p.ValueKind == JsonValueKind.Object
            ? Inputs(p) : new ObjectSchema(new Dictionary<string, TypeSpec>(), new HashSet<string>());
        var version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        return new PackageSchema(name.GetString()!, version, provider, resources, types) { Origin = origin, Functions = functions };
    }

    private static FunctionSchema Function(string token, JsonElement function)
    {
        var inputs = function.TryGetProperty("inputs", out var i) && i.ValueKind == JsonValueKind.Object
            ? Object(i, "properties", "required") : new ObjectSchema(new Dictionary<string, TypeSpec>(), new HashSet<string>());
        var outputs = function.TryGetProperty("outputs", out var o) && o.ValueKind == JsonValueKind.Object ? Names(o, "properties") : new HashSet<string>();
        return new FunctionSchema(token, inputs, outputs);
    }

    private static HashSet<string> Names(JsonElement element, string key)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (element.TryGetProperty(key, out var map) && map.ValueKind == JsonValueKind.Object)
            foreach (var p in map.EnumerateObject()) names.Add(p.Name);
        return names;
    }

    private static ObjectSchema Inputs(JsonElement resource) =>
        Object(resource, "inputProperties", "requiredInputs");

    private static ObjectSchema Object(JsonElement element, string propertiesKey, string requiredKey)
    {
        var properties = new Dictionary<string, TypeSpec>(StringComparer.Ordinal);
        if (element.TryGetProperty(propertiesKey, out var props) && props.ValueKind == JsonValueKind.Object)
            foreach (var p in props.EnumerateObject()) properties[p.Name] = Spec(p.Value);
        var required = new HashSet<string>(StringComparer.Ordinal);
        if (element.TryGetProperty(requiredKey, out var req) && req.ValueKind == JsonValueKind.Array)
            foreach (var r in req.EnumerateArray()) if (r.GetString() is { } s) required.Add(s);
        return new ObjectSchema(properties, required);
    }

    private static NamedType Named(string token, JsonElement type)
    {
        if (type.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            var list = new List<string>();
            foreach (var e in values.EnumerateArray())
            {
                var value = e.ValueKind == JsonValueKind.Object && e.TryGetProperty("value", out var inner) ? inner : e;
                list.Add(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText());
            }
            return new NamedType(token, null, list);
        }
        return new NamedType(token, Object(type, "properties", "required"), null);
    }

    private static TypeSpec Spec(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object) return TypeSpec.Any;
        string? Str(string key) => element.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        TypeSpec? Sub(string key) => element.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Object ? Spec(v) : null;
        IReadOnlyList<TypeSpec>? oneOf = element.TryGetProperty("oneOf", out var o) && o.ValueKind == JsonValueKind.Array
            ? o.EnumerateArray().Select(Spec).ToList() : null;
        return new TypeSpec(Str("type"), Str("$ref"), Sub("items"), Sub("additionalProperties"), oneOf);
    }
}
