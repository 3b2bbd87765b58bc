using System.Globalization;
using Toolkit.Stacks.Model;

namespace Toolkit.Stacks.Tests.Support;

/// <summary>Edits a synthesized program on purpose (to break one deployability rule): set or remove a value at a property path.</summary>
public static class ProgramMutation
{
    /// <summary>The program with resource <paramref name="name"/> replaced by <paramref name="change"/> of it.</summary>
    public static PulumiProgram Resource(this PulumiProgram program, string name, Func<Resource, Resource> change)
    {
        Assert.Contains(program.Resources, r => r.Name == name);
        return program with { Resources = program.Resources.Select(r => r.Name == name ? change(r) : r).ToList() };
    }

    /// <summary>Every resource of <paramref name="type"/> changed by <paramref name="change"/>.</summary>
    public static PulumiProgram EveryOfType(this PulumiProgram program, string type, Func<Resource, Resource> change)
    {
        Assert.Contains(program.Resources, r => r.Type == type);
        return program with { Resources = program.Resources.Select(r => r.Type == type ? change(r) : r).ToList() };
    }

    /// <summary>The program without resource <paramref name="name"/>.</summary>
    public static PulumiProgram Without(this PulumiProgram program, string name) =>
        program with { Resources = program.Resources.Where(r => r.Name != name).ToList() };

    /// <summary>The resource with the value at <paramref name="path"/> set (null removes it).</summary>
    public static Resource Set(this Resource resource, string path, Value? value) =>
        resource with { Properties = (MapValue)Set(resource.Properties, path.Split('.'), value)! };

    private static Value? Set(Value? node, string[] steps, Value? value)
    {
        if (steps.Length == 0) return value;
        var step = steps[0];
        var bracket = step.IndexOf('[');
        var key = bracket >= 0 ? step[..bracket] : step;
        var index = bracket >= 0 ? int.Parse(step[(bracket + 1)..^1], CultureInfo.InvariantCulture) : (int?)null;
        if (node is JsonValue json) return new JsonValue(Set(json.Inner, steps, value)!);
        if (node is SecretValue secret) return new SecretValue(Set(secret.Inner, steps, value)!);
        if (key.Length == 0) return SetItem(node, index!.Value, steps[1..], value);
        var map = node as MapValue ?? MapValue.Empty;
        var child = map[key];
        var replaced = index is { } n ? SetItem(child, n, steps[1..], value) : Set(child, steps[1..], value);
        var entries = map.Entries.Where(e => e.Key != key).ToList();
        var at = map.Entries.ToList().FindIndex(e => e.Key == key);
        if (replaced is not null) entries.Insert(at < 0 ? entries.Count : at, new(key, replaced));
        return new MapValue(entries);
    }

    private static Value SetItem(Value? node, int index, string[] rest, Value? value)
    {
        var list = node is JsonValue j ? j.Inner : node;
        var items = ((ListValue)list!).Items.ToList();
        var replaced = Set(items[index], rest, value);
        if (replaced is null) items.RemoveAt(index); else items[index] = replaced;
        return node is JsonValue ? new JsonValue(new ListValue(items)) : new ListValue(items);
    }
}
