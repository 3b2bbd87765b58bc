using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Schemas;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Stacks.Deployability;

/// <summary>
/// A program with the lookups the deployability rules share: resources by name and type, what a value refers to,
/// values at a property path, and the choices of the config it was built for.
/// </summary>
public sealed class ProgramFacts
{
    private readonly Dictionary<string, Resource> _byName;
    private readonly ILookup<string, Resource> _byType;

    /// <summary>Facts about <paramref name="program"/>, built for <paramref name="context"/>.</summary>
    public ProgramFacts(SynthesisContext context, PulumiProgram program)
    {
        Context = context;
        Program = program;
        _byName = program.Resources.ToDictionary(r => r.Name, StringComparer.Ordinal);
        _byType = program.Resources.ToLookup(r => r.Type, StringComparer.Ordinal);
        Variables = program.Variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
    }

    /// <summary>The synthesis context.</summary>
    public SynthesisContext Context { get; }

    /// <summary>The program.</summary>
    public PulumiProgram Program { get; }

    /// <summary>Variables by name.</summary>
    public IReadOnlyDictionary<string, Value> Variables { get; }

    /// <summary>The chosen edge.</summary>
    public string Edge => Context.Config.Technologies.Edge;

    /// <summary>True when compute is Kubernetes.</summary>
    public bool OnKubernetes => Context.Config.Technologies.Compute == "kubernetes";

    /// <summary>True when customer-managed keys are used.</summary>
    public bool CustomerManagedKeys => Context.Config.Compliance.Encryption.AtRest && Context.Config.Compliance.Encryption.CustomerManagedKeys;

    /// <summary>Resources of <paramref name="type"/>.</summary>
    public IEnumerable<Resource> OfType(string type) => _byType[type];

    /// <summary>The resource named <paramref name="name"/>, or null.</summary>
    public Resource? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Every root name <paramref name="value"/> refers to (<c>${name...}</c>), anywhere inside it.</summary>
    public static IEnumerable<string> References(Value? value) => value switch
    {
        Interpolation i => SchemaValidator.References(i.Template),
        MapValue m => m.Entries.SelectMany(e => References(e.Value)),
        ListValue l => l.Items.SelectMany(References),
        SecretValue s => References(s.Inner),
        JsonValue j => References(j.Inner),
        InvokeValue inv => References(inv.Arguments),
        FunctionValue f => References(f.Argument),
        _ => [],
    };

    /// <summary>Every interpolation template inside <paramref name="value"/>.</summary>
    public static IEnumerable<string> Templates(Value? value) => value switch
    {
        Interpolation i => [i.Template],
        MapValue m => m.Entries.SelectMany(e => Templates(e.Value)),
        ListValue l => l.Items.SelectMany(Templates),
        SecretValue s => Templates(s.Inner),
        JsonValue j => Templates(j.Inner),
        InvokeValue inv => Templates(inv.Arguments),
        FunctionValue f => Templates(f.Argument),
        _ => [],
    };

    /// <summary>
    /// The names <paramref name="resource"/> waits for before Pulumi creates it: every resource or variable its inputs
    /// refer to, its dependsOn, parent and provider, and through variables what they refer to.
    /// </summary>
    public IReadOnlySet<string> DirectDependencies(Resource resource)
    {
        var names = new HashSet<string>(References(resource.Properties), StringComparer.Ordinal);
        names.UnionWith(resource.Options.DependsOn);
        if (resource.Options.Parent is { } parent) names.Add(parent);
        if (resource.Options.Provider is { } provider) names.Add(provider);
        foreach (var name in names.ToList())
            if (Variables.TryGetValue(name, out var variable)) names.UnionWith(References(variable));
        return names;
    }

    /// <summary>True when Pulumi cannot create <paramref name="later"/> before <paramref name="earlier"/> exists (a path of dependencies).</summary>
    public bool WaitsFor(string later, string earlier)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([later]);
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name)) continue;
            var deps = Find(name) is { } r ? DirectDependencies(r) : Variables.TryGetValue(name, out var v) ? References(v).ToHashSet() : [];
            if (deps.Contains(earlier)) return true;
            foreach (var d in deps) pending.Push(d);
        }
        return false;
    }

    /// <summary>The resources <paramref name="value"/> refers to.</summary>
    public IEnumerable<Resource> Referenced(Value? value) => References(value).Distinct().Select(Find).OfType<Resource>();

    /// <summary>The value at <paramref name="path"/> (<c>spec.template.spec</c>; a step <c>[n]</c> indexes a list) under <paramref name="value"/>, looking through <c>fn::toJSON</c> and <c>fn::secret</c>.</summary>
    public static Value? At(Value? value, string path)
    {
        foreach (var step in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = step;
            int? index = null;
            var bracket = step.IndexOf('[');
            if (bracket >= 0) { key = step[..bracket]; index = int.Parse(step[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture); }
            value = Unwrap(value);
            if (key.Length > 0) value = (value as MapValue)?[key];
            if (index is { } n) value = Unwrap(value) is ListValue l && n < l.Items.Count ? l.Items[n] : null;
        }
        return Unwrap(value);
    }

    /// <summary>The items of a list value (through <c>fn::toJSON</c>), or none.</summary>
    public static IReadOnlyList<Value> Items(Value? value) => Unwrap(value) is ListValue l ? l.Items : [];

    /// <summary>The text of a literal string, or null.</summary>
    public static string? Text(Value? value) => Unwrap(value) is StringValue s ? s.Text : null;

    /// <summary>
    /// The Kubernetes namespace a value names: a literal, or <c>${ns.metadata.name}</c> of a Namespace resource whose
    /// <c>metadata.name</c> is a literal.
    /// </summary>
    public string? NamespaceName(Value? value)
    {
        if (Text(value) is { } literal) return literal;
        if (value is Interpolation { IsSingleReference: true } i && i.Template.EndsWith(".metadata.name}", StringComparison.Ordinal))
            return Text(At(Find(i.Template[2..i.Template.IndexOf('.')])?.Properties, "metadata.name"));
        return null;
    }

    /// <summary>The environment entries (<c>name</c> to value) of ECS containers and Kubernetes pod containers.</summary>
    public IEnumerable<(Resource Workload, string Name, Value Value)> Environment()
    {
        foreach (var task in OfType(Types.TaskDefinition))
            foreach (var container in Items(task["containerDefinitions"]))
            {
                foreach (var e in Items(At(container, "environment")))
                    if (Text(At(e, "name")) is { } name && At(e, "value") is { } v) yield return (task, name, v);
                foreach (var e in Items(At(container, "secrets")))
                    if (Text(At(e, "name")) is { } name && At(e, "valueFrom") is { } v) yield return (task, name + " (secret valueFrom)", v);
            }
        foreach (var deployment in OfType(Types.Deployment))
            foreach (var container in Items(At(deployment.Properties, "spec.template.spec.containers")))
                foreach (var e in Items(At(container, "env")))
                    if (Text(At(e, "name")) is { } name && At(e, "value") is { } v) yield return (deployment, name, v);
    }

    private static Value? Unwrap(Value? value) => value switch
    {
        JsonValue j => Unwrap(j.Inner),
        SecretValue s => Unwrap(s.Inner),
        _ => value,
    };
}
