namespace Toolkit.Stacks.Model;

/// <summary>Builds values tersely: objects, lists and interpolations.</summary>
public static class Expr
{
    /// <summary>An object from (key, value) pairs in order; null values are left out.</summary>
    public static MapValue Map(params (string Key, Value? Value)[] entries)
    {
        var list = new List<KeyValuePair<string, Value>>(entries.Length);
        foreach (var (k, v) in entries) if (v is not null) list.Add(new(k, v));
        return new MapValue(list);
    }

    /// <summary>A list; null items are left out.</summary>
    public static ListValue List(params Value?[] items) => new(items.Where(i => i is not null).Select(i => i!).ToList());

    /// <summary>A list built from a sequence.</summary>
    public static ListValue List(IEnumerable<Value> items) => new(items.ToList());

    /// <summary>A list of literal strings.</summary>
    public static ListValue Strings(IEnumerable<string> items) => new(items.Select(s => (Value)new StringValue(s)).ToList());

    /// <summary>An interpolated string; use <see cref="Resource.Output"/> and <see cref="ConfigDeclaration.Ref"/> for the parts.</summary>
    public static Interpolation Format(string template) => new(template);

    /// <summary>The reference to a config key or variable: <c>${name}</c>.</summary>
    public static Interpolation Ref(string name) => new("${" + name + "}");

    /// <summary>Marks a value secret (<c>fn::secret</c>).</summary>
    public static SecretValue Secret(Value value) => new(value);

    /// <summary>Encodes a value as a JSON string (<c>fn::toJSON</c>).</summary>
    public static JsonValue Json(Value value) => new(value);
}
