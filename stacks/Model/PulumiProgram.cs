namespace Toolkit.Stacks.Model;

/// <summary>Kinds of typed stack config Pulumi YAML understands.</summary>
public enum ConfigType
{
    /// <summary>A string.</summary>
    String,
    /// <summary>A whole number.</summary>
    Integer,
    /// <summary>A number (fractions allowed).</summary>
    Number,
    /// <summary>true or false.</summary>
    Boolean,
    /// <summary>A list of strings (<c>List&lt;String&gt;</c>).</summary>
    StringList,
}

/// <summary>
/// A typed config key of the program (declared in the <c>config:</c> section of <c>Main.yaml</c>, read as <c>${Key}</c>). A key with a
/// <see cref="Default"/> works without a value; one without must be set (<c>pulumi config set</c>).
/// </summary>
public sealed record ConfigDeclaration(string Key, ConfigType Type, Value? Default = null, bool Secret = false)
{
    /// <summary>The reference to this key: <c>${Key}</c>.</summary>
    public Interpolation Ref => new("${" + Key + "}");
}

/// <summary>A value written to <c>Pulumi.STACK.yaml</c> for a declared key (the project prefix is added on output).</summary>
public sealed record ConfigSetting(string Key, string Value);

/// <summary>A named intermediate value (<c>variables:</c>).</summary>
public sealed record Variable(string Name, Value Value)
{
    /// <summary>The reference to this variable.</summary>
    public Interpolation Ref => new("${" + Name + "}");
}

/// <summary>A stack output.</summary>
public sealed record StackOutput(string Name, Value Value);

/// <summary>
/// A whole Pulumi YAML program: project, typed config with this stack's values, variables, resources
/// (in creation-friendly order) and outputs. Immutable; <see cref="ProgramBuilder"/> assembles one.
/// </summary>
public sealed record PulumiProgram
{
    /// <summary>Pulumi project name.</summary>
    public required string ProjectName { get; init; }

    /// <summary>Project description.</summary>
    public string Description { get; init; } = "";

    /// <summary>Stack name the settings are for.</summary>
    public required string StackName { get; init; }

    /// <summary>Typed config keys.</summary>
    public IReadOnlyList<ConfigDeclaration> Config { get; init; } = [];

    /// <summary>This stack's config values.</summary>
    public IReadOnlyList<ConfigSetting> Settings { get; init; } = [];

    /// <summary>Variables.</summary>
    public IReadOnlyList<Variable> Variables { get; init; } = [];

    /// <summary>Resources.</summary>
    public IReadOnlyList<Resource> Resources { get; init; } = [];

    /// <summary>Stack outputs.</summary>
    public IReadOnlyList<StackOutput> Outputs { get; init; } = [];

    /// <summary>The output named <paramref name="name"/>, or null.</summary>
    public StackOutput? Output(string name) => Outputs.FirstOrDefault(o => o.Name == name);

    /// <summary>Resources of type <paramref name="type"/>.</summary>
    public IEnumerable<Resource> OfType(string type) => Resources.Where(r => r.Type == type);

    /// <summary>Returns a copy with <paramref name="outputs"/> added, replacing outputs of the same name in place.</summary>
    public PulumiProgram WithOutputs(IEnumerable<StackOutput> outputs)
    {
        var list = Outputs.ToList();
        foreach (var output in outputs)
        {
            var at = list.FindIndex(o => o.Name == output.Name);
            if (at >= 0) list[at] = output; else list.Add(output);
        }
        return this with { Outputs = list };
    }
}
