using System.Text;
using System.Text.Json;
using Toolkit.Core.Diagnostics;
using Toolkit.Core.Output;
using Toolkit.Migrations.Database.Journal;

namespace Toolkit.Migrations.Database.Releases;

/// <summary>One script a release applied.</summary>
public sealed record ReleaseManifestScript(string Name, string Checksum, bool OneWay);

/// <summary>
/// What a <c>db migrate --release-manifest FILE</c> run applied, for the promotion engine: when
/// <see cref="OneWay"/> is true a failed analysis must stop for a person instead of shifting traffic back,
/// because the old version would meet a schema it cannot undo. JSON with a fixed key order and no timestamps:
/// <c>{"oneWay": true, "scripts": [{"name": "0003_x.sql", "checksum": "...", "oneWay": true}]}</c>.
/// </summary>
public sealed record ReleaseManifest(bool OneWay, IReadOnlyList<ReleaseManifestScript> Scripts)
{
    /// <summary>The manifest of the up scripts a run applied (distinct by name, in name order).</summary>
    public static ReleaseManifest From(IEnumerable<ExecutedScript> executed)
    {
        var scripts = executed.Where(e => e.Direction == ScriptDirection.Up)
            .GroupBy(e => e.Name, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => new ReleaseManifestScript(e.Name, e.Checksum, e.OneWay)).ToList();
        return new ReleaseManifest(scripts.Any(s => s.OneWay), scripts);
    }

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
                writer.WriteString("checksum", s.Checksum);
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

    /// <summary>Reads a manifest; a <see cref="DiagnosticException"/> names the file when it is not one.</summary>
    public static ReleaseManifest Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            var scripts = root.GetProperty("scripts").EnumerateArray()
                .Select(s => new ReleaseManifestScript(s.GetProperty("name").GetString()!, s.GetProperty("checksum").GetString()!, s.GetProperty("oneWay").GetBoolean()))
                .ToList();
            return new ReleaseManifest(root.GetProperty("oneWay").GetBoolean(), scripts);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            throw new DiagnosticException(Diagnostic.Error("db-release-manifest", $"'{path}' is not a release manifest: {e.Message}", new SourceLocation(path, 1, 1)));
        }
    }
}
