using System.Globalization;
using System.Text;
using Toolkit.Stacks.Model;

namespace Toolkit.Stacks.Synthesis;

/// <summary>
/// Writes YAML by hand so output is byte-stable: keys in model order, two-space indents, \n line ends,
/// invariant numbers, strings quoted unless plainly safe. Only the subset Pulumi YAML needs.
/// </summary>
public sealed class YamlWriter
{
    private readonly StringBuilder _text = new(4096);

    /// <summary>The YAML written so far.</summary>
    public override string ToString() => _text.ToString();

    /// <summary>Writes a top-level (or nested) <c>key:</c> line with nothing after it.</summary>
    public YamlWriter Section(string key, int indent = 0)
    {
        Indent(indent).Append(Key(key)).Append(":\n");
        return this;
    }

    /// <summary>Writes <c>key: value</c> at <paramref name="indent"/>, nesting objects and lists below.</summary>
    public YamlWriter Entry(string key, Value value, int indent = 0)
    {
        Indent(indent).Append(Key(key)).Append(':');
        WriteAfterKey(value, indent);
        return this;
    }

    /// <summary>Writes a comment line.</summary>
    public YamlWriter Comment(string text)
    {
        foreach (var line in text.Split('\n')) _text.Append("# ").Append(line).Append('\n');
        return this;
    }

    private void WriteAfterKey(Value value, int indent)
    {
        switch (Normalize(value))
        {
            case MapValue { Entries.Count: 0 }:
                _text.Append(" {}\n");
                break;
            case MapValue map:
                _text.Append('\n');
                WriteEntries(map, indent + 2, firstPrefix: null);
                break;
            case ListValue { Items.Count: 0 }:
                _text.Append(" []\n");
                break;
            case ListValue list:
                _text.Append('\n');
                WriteItems(list, indent + 2);
                break;
            case var scalar:
                _text.Append(' ').Append(Scalar(scalar)).Append('\n');
                break;
        }
    }

    private void WriteEntries(MapValue map, int indent, string? firstPrefix)
    {
        var first = true;
        foreach (var (key, value) in map.Entries)
        {
            if (first && firstPrefix is not null)
            {
                // "- key: value": the dash sits two columns left of the keys.
                Indent(indent - 2).Append(firstPrefix).Append(Key(key)).Append(':');
                WriteAfterKey(value, indent);
            }
            else Entry(key, value, indent);
            first = false;
        }
    }

    private void WriteItems(ListValue list, int indent)
    {
        foreach (var item in list.Items)
        {
            switch (Normalize(item))
            {
                case MapValue { Entries.Count: > 0 } map:
                    WriteEntries(map, indent + 2, firstPrefix: "- ");
                    break;
                case ListValue { Items.Count: > 0 } inner:
                    Indent(indent).Append("-\n");
                    WriteItems(inner, indent + 2);
                    break;
                case MapValue:
                    Indent(indent).Append("- {}\n");
                    break;
                case ListValue:
                    Indent(indent).Append("- []\n");
                    break;
                case var scalar:
                    Indent(indent).Append("- ").Append(Scalar(scalar)).Append('\n');
                    break;
            }
        }
    }

    /// <summary>Built-in functions become the one-key objects Pulumi YAML reads (<c>fn::secret: ...</c>).</summary>
    private static Value Normalize(Value value) => PulumiSpelling.Builtins(value);

    private StringBuilder Indent(int indent) => _text.Append(' ', indent);

    /// <summary>A scalar as YAML text.</summary>
    public static string Scalar(Value value) => value switch
    {
        StringValue s => IsPlain(s.Text) ? s.Text : Quote(PulumiSpelling.Literal(s.Text)),
        Interpolation i => IsPlainReference(i.Template) ? i.Template : Quote(i.Template),
        IntegerValue n => n.Number.ToString(CultureInfo.InvariantCulture),
        NumberValue n => n.Text,
        BoolValue b => b.Flag ? "true" : "false",
        _ => throw new InvalidOperationException($"{value.GetType().Name} is not a scalar."),
    };

    /// <summary>A mapping key: plain when safe, else quoted.</summary>
    public static string Key(string key) => IsPlain(key) ? key : Quote(key);

    private static bool IsPlainReference(string template)
    {
        if (!template.StartsWith("${", StringComparison.Ordinal) || !template.EndsWith('}')) return false;
        for (var i = 2; i < template.Length - 1; i++)
        {
            var c = template[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')) return false;
        }
        return true;
    }

    // Words YAML 1.1 readers take as booleans or null when unquoted.
    private static readonly string[] YamlWords = ["true", "false", "null", "yes", "no", "on", "off", "y", "n"];

    private static bool IsPlain(string text)
    {
        if (text.Length == 0 || !(char.IsAsciiLetter(text[0]) || text[0] == '_')) return false;
        foreach (var c in text)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ':')) return false;
        if (text.EndsWith(':')) return false;
        if (text.Length > 5) return true;
        foreach (var word in YamlWords) if (string.Equals(text, word, StringComparison.OrdinalIgnoreCase)) return false;
        return true;
    }

    /// <summary>Double-quoted YAML string with JSON-style escapes.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ') builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else builder.Append(c);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }
}
