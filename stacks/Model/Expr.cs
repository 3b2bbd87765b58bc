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

    /// <summary><c>fn::join</c>: the items joined by <paramref name="delimiter"/>.</summary>
    public static FunctionValue Join(string delimiter, params Value[] items) => new("join", ListValue.Of(delimiter, List(items)));

    /// <summary><c>fn::join</c> of a list value (a literal list or a reference to one).</summary>
    public static FunctionValue JoinList(string delimiter, Value list) => new("join", ListValue.Of(delimiter, list));

    /// <summary><c>fn::split</c>: <paramref name="text"/> split at <paramref name="delimiter"/>.</summary>
    public static FunctionValue Split(string delimiter, Value text) => new("split", ListValue.Of(delimiter, text));

    /// <summary><c>fn::select</c>: item <paramref name="index"/> of <paramref name="list"/>.</summary>
    public static FunctionValue Select(int index, Value list) => new("select", ListValue.Of(index, list));

    /// <summary>
    /// A DNS name that providers give with a trailing dot (ACM's <c>resourceRecordName</c>, <c>_x.acm-validations.aws.</c>)
    /// without it: the part before <c>.SUFFIX.</c>, then <c>.SUFFIX</c>. Cloudflare stores names without the dot, so
    /// the dotted form would show as a change on every run.
    /// </summary>
    public static FunctionValue WithoutTrailingDot(Value dottedName, string suffix) =>
        Join("", Select(0, Split($".{suffix}.", dottedName)), $".{suffix}");
}
