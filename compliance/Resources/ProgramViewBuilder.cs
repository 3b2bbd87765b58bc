using System.Text.Json;
using Toolkit.Stacks.Model;

namespace Toolkit.Compliance.Resources;

/// <summary>
/// Turns the stacks' construct model (<see cref="PulumiProgram"/>) into the <see cref="ProgramView"/> the
/// checks read, writing each value the way Pulumi YAML spells it: interpolations as <c>${...}</c> strings,
/// literal <c>${</c> escaped as <c>$${</c>, and built-ins as <c>fn::secret</c> / <c>fn::toJSON</c> / <c>fn::invoke</c> objects.
/// </summary>
public static class ProgramViewBuilder
{
    /// <summary>The view of <paramref name="program"/>; regions are <paramref name="stackRegions"/> plus every resource's region.</summary>
    public static ProgramView From(PulumiProgram program, IEnumerable<string> stackRegions)
    {
        var resources = program.Resources.Select(r => new ResourceView(r.Name, r.Type, ToJson(r.Properties))).ToList();
        var regions = stackRegions.ToList();
        foreach (var region in program.Resources.Select(r => r.Region).OfType<string>().Concat(
                     resources.Where(r => r.Type == "pulumi:providers:aws").Select(r => r.Text("region"))))
            if (region != "(absent)" && !regions.Contains(region, StringComparer.Ordinal)) regions.Add(region);
        return new ProgramView(resources, regions);
    }

    /// <summary>A model value as JSON.</summary>
    public static JsonElement ToJson(Value value)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) Write(writer, value);
        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }

    private static void Write(Utf8JsonWriter w, Value value)
    {
        switch (value)
        {
            case StringValue s: w.WriteStringValue(s.Text.Replace("${", "$${", StringComparison.Ordinal)); break;
            case Interpolation i: w.WriteStringValue(i.Template); break;
            case IntegerValue n: w.WriteNumberValue(n.Number); break;
            case NumberValue d: w.WriteNumberValue(d.Number); break;
            case BoolValue b: w.WriteBooleanValue(b.Flag); break;
            case ListValue list:
                w.WriteStartArray();
                foreach (var item in list.Items) Write(w, item);
                w.WriteEndArray();
                break;
            case MapValue map:
                w.WriteStartObject();
                foreach (var (k, v) in map.Entries) { w.WritePropertyName(k); Write(w, v); }
                w.WriteEndObject();
                break;
            case SecretValue secret:
                w.WriteStartObject(); w.WritePropertyName("fn::secret"); Write(w, secret.Inner); w.WriteEndObject();
                break;
            case JsonValue json:
                w.WriteStartObject(); w.WritePropertyName("fn::toJSON"); Write(w, json.Inner); w.WriteEndObject();
                break;
            case InvokeValue invoke:
                w.WriteStartObject(); w.WritePropertyName("fn::invoke"); w.WriteStartObject();
                w.WriteString("function", invoke.Function);
                w.WritePropertyName("arguments"); Write(w, invoke.Arguments);
                if (invoke.Return is not null) w.WriteString("return", invoke.Return);
                w.WriteEndObject(); w.WriteEndObject();
                break;
            default: w.WriteNullValue(); break;
        }
    }
}
