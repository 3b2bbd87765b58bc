using System.Text.Json;
using Toolkit.Core.Diagnostics;

namespace Toolkit.Promotion.Releases;

/// <summary>
/// What the release's database migration did, as written by <c>toolkit db migrate --release-manifest FILE</c>:
/// <c>{"oneWay": bool, "scripts": [{"name", "checksum", "oneWay"}]}</c>. A release with a one-way script
/// cannot be rolled back by shifting traffic to blue, which may not read the new schema.
/// </summary>
public sealed record ReleaseManifest(string Path, bool OneWayFlag, IReadOnlyList<ReleaseScript> Scripts)
{
    /// <summary>True when the release applied any one-way script.</summary>
    public bool OneWay => OneWayFlag || Scripts.Any(s => s.OneWay);

    /// <summary>Names of the one-way scripts, in file order.</summary>
    public IReadOnlyList<string> OneWayScripts => Scripts.Where(s => s.OneWay).Select(s => s.Name).ToList();

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

    /// <summary>Parses manifest text (pure).</summary>
    public static ReleaseManifest Parse(string path, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw Error(path, "expected a JSON object with 'oneWay' and 'scripts'");
        var oneWay = root.TryGetProperty("oneWay", out var flag) && Bool(path, flag, "oneWay");
        var scripts = new List<ReleaseScript>();
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
                scripts.Add(new ReleaseScript(name.GetString()!, checksum, scriptOneWay));
                i++;
            }
        }
        return new ReleaseManifest(path, oneWay, scripts);
    }

    private static bool Bool(string path, JsonElement element, string name) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Error(path, $"'{name}' must be true or false, not {element.GetRawText()}"),
    };

    private static DiagnosticException Error(string path, string message, int line = 1) =>
        new(Diagnostic.Error("PROMO020", $"release manifest: {message}.", new SourceLocation(path, line, 1)));
}

/// <summary>One script the release applied.</summary>
public sealed record ReleaseScript(string Name, string? Checksum, bool OneWay);
