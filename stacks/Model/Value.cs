using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Toolkit.Stacks.Model;

/// <summary>
/// A property value of a Pulumi YAML program: a literal, a list, an object, an interpolation of other
/// resources' outputs or config, or a built-in function (<c>fn::secret</c>, <c>fn::toJSON</c>, <c>fn::invoke</c>).
/// </summary>
public abstract record Value
{
    /// <summary>A literal string (null stays null, so optional inputs can be left out).</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static implicit operator Value?(string? text) => text is null ? null : new StringValue(text);

    /// <summary>A literal integer.</summary>
    public static implicit operator Value(int number) => new IntegerValue(number);

    /// <summary>A literal integer.</summary>
    public static implicit operator Value(long number) => new IntegerValue(number);

    /// <summary>A literal number.</summary>
    public static implicit operator Value(double number) => new NumberValue(number);

    /// <summary>A literal boolean.</summary>
    public static implicit operator Value(bool flag) => new BoolValue(flag);
}

/// <summary>A literal string; a <c>${</c> inside is escaped on output so Pulumi never reads it as an expression.</summary>
public sealed record StringValue(string Text) : Value;

/// <summary>A literal whole number.</summary>
public sealed record IntegerValue(long Number) : Value;

/// <summary>A literal number.</summary>
public sealed record NumberValue(double Number) : Value
{
    /// <summary>The number as Pulumi YAML writes it (invariant culture, shortest round-trip form).</summary>
    public string Text => Number.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>A literal boolean.</summary>
public sealed record BoolValue(bool Flag) : Value;

/// <summary>A list of values.</summary>
public sealed record ListValue(IReadOnlyList<Value> Items) : Value
{
    /// <summary>A list of <paramref name="items"/>.</summary>
    public static ListValue Of(params Value[] items) => new(items);
}

/// <summary>An object with keys in the order given (the writer keeps that order, so output is stable).</summary>
public sealed record MapValue(IReadOnlyList<KeyValuePair<string, Value>> Entries) : Value
{
    /// <summary>An empty object.</summary>
    public static MapValue Empty { get; } = new([]);

    /// <summary>The value under <paramref name="key"/>, or null.</summary>
    public Value? this[string key]
    {
        get
        {
            foreach (var (k, v) in Entries) if (k == key) return v;
            return null;
        }
    }
}

/// <summary>
/// A string with <c>${...}</c> references to resources (<c>${vpc.id}</c>), variables or config
/// (<c>${greenWeight}</c>), written as is. Build one with <see cref="Expr"/>.
/// </summary>
public sealed record Interpolation(string Template) : Value
{
    /// <summary>True when the whole string is one reference, so it keeps the referenced value's kind.</summary>
    public bool IsSingleReference =>
        Template.StartsWith("${", StringComparison.Ordinal) && Template.EndsWith('}') && Template.IndexOf("${", 2, StringComparison.Ordinal) < 0;
}

/// <summary><c>fn::secret</c>: the value is encrypted in state and shown as <c>[secret]</c>.</summary>
public sealed record SecretValue(Value Inner) : Value;

/// <summary><c>fn::toJSON</c>: the value encoded as a JSON string (IAM policies, container definitions).</summary>
public sealed record JsonValue(Value Inner) : Value;

/// <summary><c>fn::invoke</c>: calls a provider function; <see cref="Return"/> picks one field of the result.</summary>
public sealed record InvokeValue(string Function, MapValue Arguments, string? Return, string? Provider = null) : Value;

/// <summary>
/// Another Pulumi YAML built-in (<c>fn::join</c>, <c>fn::split</c>, <c>fn::select</c>) applied to <see cref="Argument"/>,
/// written as the one-key object <c>fn::NAME: ARGUMENT</c>. Build one with <see cref="Expr"/>.
/// </summary>
public sealed record FunctionValue(string Function, Value Argument) : Value;
