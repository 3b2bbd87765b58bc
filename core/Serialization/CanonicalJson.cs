using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Toolkit.Core.Serialization;

/// <summary>
/// The JSON the toolkit writes (plans, compliance reports, every verb's <c>--json</c>), so the same value is
/// always the same bytes: camelCase, two-space indent, <c>\n</c> line ends, readable (unescaped) text,
/// enums as kebab-case strings (integers refused), required constructor parameters enforced.
/// </summary>
public static class CanonicalJson
{
    /// <summary>The shared, read-only options object: use it to write any toolkit JSON.</summary>
    public static JsonSerializerOptions Options { get; } = Freeze(CreateOptions());

    /// <summary>A new options object with those settings, for a document type to add its own converters to.</summary>
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

    /// <summary><paramref name="value"/> as canonical JSON text with one trailing newline.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options) + "\n";

    private static JsonSerializerOptions Freeze(JsonSerializerOptions options)
    {
        options.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver();
        options.MakeReadOnly();
        return options;
    }
}
