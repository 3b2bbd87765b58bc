using System.Text.Json;

namespace Toolkit.Promotion.Reporting;

/// <summary>The <c>--json</c> form of a <see cref="PromotionReport"/> (camelCase, enums as kebab-case strings, \n line ends).</summary>
public static class JsonReport
{
    /// <summary>The report as JSON text ending in a newline.</summary>
    public static string Write(PromotionReport report) => JsonSerializer.Serialize(report, PromotionJson.Options) + "\n";

    /// <summary>Reads a report written by <see cref="Write"/>.</summary>
    public static PromotionReport Read(string json) =>
        JsonSerializer.Deserialize<PromotionReport>(json, PromotionJson.Options) ?? throw new JsonException("empty report");
}
