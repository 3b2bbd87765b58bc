using System.Text.Json;

namespace Toolkit.Compliance.Resources;

/// <summary>
/// One resource of a synthesized Pulumi program as the checks see it: its logical name, its type token
/// and its input properties as JSON (references such as <c>${key.arn}</c> stay strings).
/// </summary>
public sealed record ResourceView(string Name, string Type, JsonElement Properties)
{
    /// <summary>The region the resource lives in (its provider's), or null when global or unknown.</summary>
    public string? Region { get; init; }

    /// <summary>
    /// The type in short form (<c>aws:rds:Cluster</c>): Pulumi accepts both <c>aws:rds/cluster:Cluster</c>
    /// and <c>aws:rds:Cluster</c>, so checks compare the short form.
    /// </summary>
    public string ShortType => ResourceTypes.Shorten(Type);

    /// <summary>Whether this resource is of <paramref name="type"/> (either form).</summary>
    public bool Is(string type) => string.Equals(ShortType, ResourceTypes.Shorten(type), StringComparison.Ordinal);

    /// <summary>The value at <paramref name="path"/> (<c>rules[0].applyServerSideEncryptionByDefault.sseAlgorithm</c>), or null.</summary>
    public JsonElement? Get(string path) => PropertyPath.Find(Properties, path);

    /// <summary>The value at <paramref name="path"/> as evidence text (<c>(absent)</c> when missing).</summary>
    public string Text(string path) => PropertyPath.Display(Get(path));

    /// <summary>Whether the value at <paramref name="path"/> is the boolean <c>true</c> (or the string "true").</summary>
    public bool IsTrue(string path) => Get(path) is { } v &&
        (v.ValueKind == JsonValueKind.True || (v.ValueKind == JsonValueKind.String && v.GetString() == "true"));

    /// <summary>The value at <paramref name="path"/> as an integer, or null when absent or not a number.</summary>
    public long? Number(string path) => Get(path) is { } v
        ? v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n
          : v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s
          : null
        : null;

    /// <summary>Whether any string anywhere in this resource's properties refers to resource <paramref name="name"/>.</summary>
    public bool References(string name) => ResourceReference.All(Properties).Any(r => r.Resource == name);
}

/// <summary>Type token helpers.</summary>
public static class ResourceTypes
{
    /// <summary><c>aws:rds/cluster:Cluster</c> to <c>aws:rds:Cluster</c>; other tokens unchanged.</summary>
    public static string Shorten(string type)
    {
        var parts = type.Split(':');
        if (parts.Length != 3) return type;
        var slash = parts[1].IndexOf('/');
        return slash < 0 ? type : $"{parts[0]}:{parts[1][..slash]}:{parts[2]}";
    }
}
