using System.Text.Json;
using Toolkit.Stacks.Model;

namespace Toolkit.Compliance.Resources;

/// <summary>
/// Turns the stacks' construct model (<see cref="PulumiProgram"/>) into the <see cref="ProgramView"/> the
/// checks read, each value spelled as the written program has it (<see cref="PulumiSpelling"/>, the stacks' one
/// spelling: interpolations as <c>${...}</c> strings, literal <c>${</c> as <c>$${</c>, built-ins as <c>fn::</c> objects),
/// so a check sees the same JSON whether it reads the model or the file.
/// </summary>
public static class ProgramViewBuilder
{
    /// <summary>The view of <paramref name="program"/>; regions are <paramref name="stackRegions"/> plus every resource's region.</summary>
    public static ProgramView From(PulumiProgram program, IEnumerable<string> stackRegions)
    {
        var resources = program.Resources.Select(r => new ResourceView(r.Name, r.Type, ToJson(r.Properties)) { Region = r.Region }).ToList();
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
        switch (PulumiSpelling.Builtins(value))
        {
            case StringValue s: w.WriteStringValue(PulumiSpelling.Literal(s.Text)); break;
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
            default: w.WriteNullValue(); break;
        }
    }
}
