using System.Text.Json;
using System.Text.Json.Nodes;
using JsonValue = System.Text.Json.Nodes.JsonValue;
using Toolkit.Stacks.Model;

namespace Toolkit.Compliance.Tests.Synthesis;

/// <summary>
/// What <c>pulumi stack output --json --show-secrets=false</c> prints for a synthesized program's outputs once
/// deployed: literals as they are, secrets as <c>"[secret]"</c>. References resolve only in a real deploy,
/// which cannot run here; they print as <c>deployed:TEMPLATE</c> (no compliance evidence depends on them).
/// </summary>
public static class StackOutputsJson
{
    /// <summary>The outputs of <paramref name="program"/> as the CLI prints them.</summary>
    public static string Of(PulumiProgram program)
    {
        var root = new JsonObject();
        foreach (var output in program.Outputs.OrderBy(o => o.Name, StringComparer.Ordinal)) root[output.Name] = Node(output.Value);
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonNode? Node(Value value) => value switch
    {
        StringValue s => JsonValue.Create(s.Text),
        Interpolation i => JsonValue.Create("deployed:" + i.Template),
        IntegerValue n => JsonValue.Create(n.Number),
        NumberValue d => JsonValue.Create(d.Number),
        BoolValue b => JsonValue.Create(b.Flag),
        ListValue l => new JsonArray(l.Items.Select(Node).ToArray()),
        MapValue m => new JsonObject(m.Entries.Select(e => new KeyValuePair<string, JsonNode?>(e.Key, Node(e.Value)))),
        SecretValue => JsonValue.Create("[secret]"),
        _ => JsonValue.Create("deployed:" + value.GetType().Name),
    };
}
