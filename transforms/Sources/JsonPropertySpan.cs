using System.Text;
using System.Text.Json;

namespace Toolkit.Transforms.Sources;

/// <summary>
/// Where each property of a JSON file (such as <c>appsettings.json</c>) sits in its text, by
/// configuration path (<c>Section:Key</c>), so edits replace exact spans and keep comments and layout.
/// </summary>
public sealed record JsonPropertySpan(string Path, int NameStart, int NameLength, JsonTokenType ValueKind, int ValueStart, int ValueLength, string? StringValue)
{
    /// <summary>The last path segment.</summary>
    public string Key => Path[(Path.LastIndexOf(':') + 1)..];

    /// <summary>The parent path, empty at the top.</summary>
    public string Parent => Path.Contains(':') ? Path[..Path.LastIndexOf(':')] : "";

    /// <summary>Lists the properties of <paramref name="text"/> in document order.</summary>
    /// <exception cref="JsonException">The text is not JSON (comments and trailing commas are allowed).</exception>
    public static IReadOnlyList<JsonPropertySpan> Read(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var result = new List<JsonPropertySpan>();
        var path = new Stack<string?>();
        (string Name, int Start, int Length)? pending = null;
        int CharIndex(long byteIndex) => Encoding.UTF8.GetCharCount(bytes, 0, (int)byteIndex);

        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var start = CharIndex(reader.TokenStartIndex);
                    pending = (reader.GetString()!, start, CharIndex(reader.TokenStartIndex + reader.ValueSpan.Length + 2) - start);
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (pending is { } section)
                    {
                        var full = Join(path, section.Name);
                        var valueStart = CharIndex(reader.TokenStartIndex);
                        result.Add(new JsonPropertySpan(full, section.Start, section.Length, reader.TokenType, valueStart, 1, null));
                        path.Push(reader.TokenType == JsonTokenType.StartObject ? full : null);
                        pending = null;
                    }
                    else path.Push(path.Count == 0 ? "" : null);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    path.Pop();
                    break;
                default:
                    if (pending is { } property)
                    {
                        var valueStart = CharIndex(reader.TokenStartIndex);
                        var length = reader.TokenType == JsonTokenType.String ? reader.ValueSpan.Length + 2 : reader.ValueSpan.Length;
                        result.Add(new JsonPropertySpan(Join(path, property.Name), property.Start, property.Length, reader.TokenType,
                            valueStart, CharIndex(reader.TokenStartIndex + length) - valueStart,
                            reader.TokenType == JsonTokenType.String ? reader.GetString() : null));
                        pending = null;
                    }
                    break;
            }
        }
        // Properties inside arrays have no configuration path we rewrite.
        return result.Where(p => !p.Path.StartsWith('\u0000')).ToList();
    }

    private static string Join(Stack<string?> path, string name)
    {
        if (path.Count == 0) return name;
        var parent = path.Peek();
        return parent is null ? "\u0000" + name : parent.Length == 0 ? name : parent + ":" + name;
    }

    /// <summary>A JSON string literal for <paramref name="value"/> (quotes included).</summary>
    // Relaxed escaping keeps characters such as + and ' readable; quotes, backslashes and controls are still escaped.
    public static string Quote(string value) => JsonSerializer.Serialize(value, QuoteOptions);

    private static readonly JsonSerializerOptions QuoteOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
