using System.Text.Json;
using System.Text.Json.Serialization;

namespace Toolkit.Promotion;

/// <summary>
/// The JSON of promotion files (the state file and the <c>--json</c> report): camelCase, enums as
/// kebab-case strings, nulls left out, <c>\n</c> line ends. One options object, so both always agree.
/// </summary>
public static class PromotionJson
{
    /// <summary>The serializer options every promotion file uses.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };
}
