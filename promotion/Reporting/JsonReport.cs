using System.Text.Json;
using System.Text.Json.Serialization;

namespace Toolkit.Promotion.Reporting;

/// <summary>The <c>--json</c> form of a <see cref="PromotionReport"/> (camelCase, enums as kebab-case strings, \n line ends).</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>The report as JSON text ending in a newline.</summary>
    public static string Write(PromotionReport report) => JsonSerializer.Serialize(report, Options) + "\n";

    /// <summary>Reads a report written by <see cref="Write"/>.</summary>
    public static PromotionReport Read(string json) =>
        JsonSerializer.Deserialize<PromotionReport>(json, Options) ?? throw new JsonException("empty report");
}
