using System.Text;
using System.Text.Json;
using Toolkit.Core.Diagnostics;
using Toolkit.Core.Output;

namespace Toolkit.Core.Releases;

/// <summary>One script a release applied: its journal name, SHA-256 and whether no down script can undo it.</summary>
public sealed record ReleaseManifestScript(string Name, string? Checksum, bool OneWay);

/// <summary>
/// What a release's database run applied: written by <c>toolkit db migrate --release-manifest FILE</c>, read by
/// <c>toolkit promote</c>. When <see cref="OneWay"/> is true a failed analysis must stop for a person instead of
/// shifting traffic back, because the old version would meet a schema it cannot undo. JSON with a fixed key order
/// and no timestamps: <c>{"oneWay": true, "scripts": [{"name": "0003_x.sql", "checksum": "...", "oneWay": true}]}</c>.
/// One type for both sides, so the writer and the reader cannot drift apart.
/// </summary>
public sealed record ReleaseManifest(IReadOnlyList<ReleaseManifestScript> Scripts, bool OneWayFlag = false)
{
    /// <summary>The error code of an unreadable manifest.</summary>
    public const string ErrorCode = "PROMO020";

    /// <summary>Where it was read from, or null when made in memory.</summary>
    public string? Path { get; init; }

    /// <summary>True when the release applied any one-way script (or the file says so).</summary>
    public bool OneWay => OneWayFlag || Scripts.Any(s => s.OneWay);

    /// <summary>Names of the one-way scripts, in manifest order.</summary>
    public IReadOnlyList<string> OneWayScripts => Scripts.Where(s => s.OneWay).Select(s => s.Name).ToList();

    /// <summary>The manifest of <paramref name="scripts"/>: distinct by name, in name order.</summary>
    public static ReleaseManifest Of(IEnumerable<ReleaseManifestScript> scripts) =>
        new(scripts.GroupBy(s => s.Name, StringComparer.Ordinal).Select(g => g.First()).OrderBy(s => s.Name, StringComparer.Ordinal).ToList());

    /// <summary>Indented JSON, keys in a fixed order, <c>\n</c> line ends, trailing newline.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("oneWay", OneWay);
            writer.WriteStartArray("scripts");
            foreach (var s in Scripts)
            {
                writer.WriteStartObject();
                writer.WriteString("name", s.Name);
                if (s.Checksum is null) writer.WriteNull("checksum"); else writer.WriteString("checksum", s.Checksum);
                writer.WriteBoolean("oneWay", s.OneWay);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes the manifest atomically to <paramref name="path"/>.</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, ToJson());

    /// <summary>Reads and checks <paramref name="path"/>.</summary>
    /// <exception cref="DiagnosticException">The file is missing or not of the expected shape; the message names it.</exception>
    public static ReleaseManifest Load(string path)
    {
        if (!File.Exists(path)) throw Error(path, "the release manifest does not exist");
        try
        {
            return Parse(path, File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw Error(path, $"not valid JSON ({e.Message})", (int)(e.LineNumber ?? 0) + 1);
        }
    }

    /// <summary>Parses manifest text (pure); <paramref name="path"/> names it in errors.</summary>
    public static ReleaseManifest Parse(string path, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw Error(path, "expected a JSON object with 'oneWay' and 'scripts'");
        var oneWay = root.TryGetProperty("oneWay", out var flag) && Bool(path, flag, "oneWay");
        var scripts = new List<ReleaseManifestScript>();
        if (root.TryGetProperty("scripts", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array) throw Error(path, "'scripts' must be an array");
            var i = 0;
            foreach (var script in list.EnumerateArray())
            {
                if (script.ValueKind != JsonValueKind.Object || !script.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
                    throw Error(path, $"scripts[{i}] must be an object with a 'name'");
                var checksum = script.TryGetProperty("checksum", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                var scriptOneWay = script.TryGetProperty("oneWay", out var o) && Bool(path, o, $"scripts[{i}].oneWay");
                scripts.Add(new ReleaseManifestScript(name.GetString()!, checksum, scriptOneWay));
                i++;
            }
        }
        return new ReleaseManifest(scripts, oneWay) { Path = path };
    }

    private static bool Bool(string path, JsonElement element, string name) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Error(path, $"'{name}' must be true or false, not {element.GetRawText()}"),
    };

    private static DiagnosticException Error(string path, string message, int line = 1) =>
        new(Diagnostic.Error(ErrorCode, $"release manifest: {message}.", new SourceLocation(path, line, 1)));
}
