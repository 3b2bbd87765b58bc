using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Toolkit.Core.Serialization;

/// <summary>
/// The JSON the toolkit's documents (plans, compliance reports) are written in, so the same value is
/// always the same bytes: camelCase, two-space indent, <c>\n</c> line ends, readable (unescaped) text,
/// enums as kebab-case strings (integers refused), required constructor parameters enforced.
/// </summary>
public static class CanonicalJson
{
    /// <summary>A new options object with those settings, for a document type to add its own to.</summary>
    public static JsonSerializerOptions CreateOptions() => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        RespectRequiredConstructorParameters = true,
    };
}
