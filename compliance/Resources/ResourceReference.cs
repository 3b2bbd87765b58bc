using System.Text.Json;
using System.Text.RegularExpressions;

namespace Toolkit.Compliance.Resources;

/// <summary>A Pulumi YAML interpolation such as <c>${dbKey.arn}</c>: the resource it names and the property, if any.</summary>
public sealed partial record ResourceReference(string Resource, string? Property)
{
    /// <summary>Every reference in every string below <paramref name="element"/>, in document order.</summary>
    public static IEnumerable<ResourceReference> All(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                foreach (var r in In(element.GetString()!)) yield return r;
                break;
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                foreach (var r in All(p.Value)) yield return r;
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                foreach (var r in All(item)) yield return r;
                break;
        }
    }

    /// <summary>The references inside one string (<c>$${</c> is an escaped literal and is skipped).</summary>
    public static IEnumerable<ResourceReference> In(string text) =>
        Interpolation().Matches(text).Select(m => new ResourceReference(m.Groups["res"].Value, m.Groups["prop"].Success ? m.Groups["prop"].Value : null));

    [GeneratedRegex(@"(?<!\$)\$\{(?<res>[A-Za-z_][\w-]*)(?:\.(?<prop>[^}]+))?\}")]
    private static partial Regex Interpolation();
}
