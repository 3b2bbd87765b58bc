namespace Toolkit.Stacks.Model;

/// <summary>
/// Assembles a <see cref="PulumiProgram"/>: stack definitions add resources, config, variables and outputs
/// in order. Names must be unique (a duplicate is a definition bug and throws at once).
/// </summary>
public sealed class ProgramBuilder(string projectName, string stackName, string description = "")
{
    private readonly List<Resource> _resources = [];
    private readonly Dictionary<string, Resource> _byName = new(StringComparer.Ordinal);
    private readonly List<ConfigDeclaration> _config = [];
    private readonly List<ConfigSetting> _settings = [];
    private readonly List<Variable> _variables = [];
    private readonly List<StackOutput> _outputs = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Adds a resource and returns it (so its outputs can be referenced).</summary>
    public Resource Add(Resource resource)
    {
        Claim(resource.Name);
        _resources.Add(resource);
        _byName.Add(resource.Name, resource);
        return resource;
    }

    /// <summary>Adds a resource built from its parts.</summary>
    public Resource Add(string name, string type, MapValue properties, ResourceOptions? options = null, string? region = null) =>
        Add(new Resource(name, type, properties) { Options = options ?? ResourceOptions.None, Region = region });

    /// <summary>The resource named <paramref name="name"/>, or null.</summary>
    public Resource? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Declares a typed config key, optionally with this stack's value; returns it for references.</summary>
    public ConfigDeclaration Config(ConfigDeclaration declaration, string? stackValue = null)
    {
        Claim(declaration.Key);
        _config.Add(declaration);
        if (stackValue is not null) _settings.Add(new ConfigSetting(declaration.Key, stackValue));
        return declaration;
    }

    /// <summary>Adds a variable.</summary>
    public Variable Variable(string name, Value value)
    {
        Claim(name);
        var variable = new Variable(name, value);
        _variables.Add(variable);
        return variable;
    }

    /// <summary>Adds a stack output.</summary>
    public void Output(string name, Value value)
    {
        if (_outputs.Any(o => o.Name == name)) throw new InvalidOperationException($"Output '{name}' is defined twice.");
        _outputs.Add(new StackOutput(name, value));
    }

    /// <summary>The program built so far.</summary>
    public PulumiProgram Build() => new()
    {
        ProjectName = projectName,
        StackName = stackName,
        Description = description,
        Config = _config.ToList(),
        Settings = _settings.ToList(),
        Variables = _variables.ToList(),
        Resources = _resources.ToList(),
        Outputs = _outputs.ToList(),
    };

    private void Claim(string name)
    {
        if (!_names.Add(name)) throw new InvalidOperationException($"The name '{name}' is used twice in the program; logical names must be unique.");
    }
}
