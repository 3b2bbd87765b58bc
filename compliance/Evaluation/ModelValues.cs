using System.Text.Json;
using Toolkit.Stacks.Model;

namespace Toolkit.Compliance.Evaluation;

/// <summary>Turns JSON (the compliance evidence object) into construct-model values for a stack output.</summary>
public static class ModelValues
{
    /// <summary>
    /// <paramref name="element"/> as a literal model value. Strings become <see cref="StringValue"/>, which the
    /// emitter escapes, so evidence such as <c>${key.arn}</c> stays text and Pulumi never resolves it.
    /// </summary>
    public static Value From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new MapValue(element.EnumerateObject().Select(p => new KeyValuePair<string, Value>(p.Name, From(p.Value))).ToList()),
        JsonValueKind.Array => new ListValue(element.EnumerateArray().Select(From).ToList()),
        JsonValueKind.String => new StringValue(element.GetString()!),
        JsonValueKind.Number => element.TryGetInt64(out var n) ? new IntegerValue(n) : new NumberValue(element.GetDouble()),
        JsonValueKind.True => new BoolValue(true),
        JsonValueKind.False => new BoolValue(false),
        _ => new StringValue(""),
    };
}
