using System.Globalization;
using System.Text.Json;

namespace Toolkit.Compliance.Resources;

/// <summary>Reads values out of resource properties by a dotted path with optional indexes (<c>a.b[0].c</c>).</summary>
public static class PropertyPath
{
    /// <summary>The element at <paramref name="path"/> below <paramref name="root"/>, or null when any step is missing.</summary>
    public static JsonElement? Find(JsonElement root, string path)
    {
        var current = root;
        foreach (var step in Steps(path))
        {
            if (step.Index is { } index)
            {
                if (current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength()) return null;
                current = current[index];
            }
            else
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(step.Name!, out var next)) return null;
                current = next;
            }
        }
        return current;
    }

    /// <summary>Evidence text for a value: strings as they are, other JSON compact, <c>(absent)</c> for null.</summary>
    public static string Display(JsonElement? value) => value switch
    {
        null => "(absent)",
        { ValueKind: JsonValueKind.String } v => v.GetString()!,
        { } v => v.GetRawText(),
    };

    private readonly record struct Step(string? Name, int? Index);

    private static IEnumerable<Step> Steps(string path)
    {
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = segment.IndexOf('[');
            var name = bracket < 0 ? segment : segment[..bracket];
            if (name.Length > 0) yield return new Step(name, null);
            while (bracket >= 0)
            {
                var close = segment.IndexOf(']', bracket);
                yield return new Step(null, int.Parse(segment[(bracket + 1)..close], CultureInfo.InvariantCulture));
                bracket = segment.IndexOf('[', close);
            }
        }
    }
}
