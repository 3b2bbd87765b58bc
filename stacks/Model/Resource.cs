namespace Toolkit.Stacks.Model;

/// <summary>
/// One Pulumi resource: logical <see cref="Name"/> (unique in the program), <see cref="Type"/> token
/// (<c>aws:ec2/vpc:Vpc</c>, or <c>pulumi:providers:aws</c> for an explicit provider), input properties
/// and options. <see cref="Region"/> is metadata for previews and policies, never written.
/// </summary>
public sealed record Resource(string Name, string Type, MapValue Properties)
{
    /// <summary>Resource options (provider, dependsOn, protect...).</summary>
    public ResourceOptions Options { get; init; } = ResourceOptions.None;

    /// <summary>Region the resource lives in, or null when global (DNS, Cloudflare).</summary>
    public string? Region { get; init; }

    /// <summary>The package: <c>aws</c> for <c>aws:ec2/vpc:Vpc</c> and for <c>pulumi:providers:aws</c>.</summary>
    public string Package => IsProvider ? Type["pulumi:providers:".Length..] : Type[..Type.IndexOf(':')];

    /// <summary>True for an explicit provider resource.</summary>
    public bool IsProvider => Type.StartsWith("pulumi:providers:", StringComparison.Ordinal);

    /// <summary>A reference to an output: <c>${name.path}</c> (path may index: <c>status.loadBalancer.ingress[0].hostname</c>).</summary>
    public Interpolation Output(string path) => new("${" + Name + "." + path + "}");

    /// <summary>A reference to the resource itself (its id for most inputs): <c>${name}</c>.</summary>
    public Interpolation Ref => new("${" + Name + "}");

    /// <summary>The value of input <paramref name="key"/>, or null.</summary>
    public Value? this[string key] => Properties[key];
}

/// <summary>Custom create/update/delete timeouts (Go duration strings such as <c>60m</c>).</summary>
public sealed record CustomTimeouts(string? Create = null, string? Update = null, string? Delete = null);

/// <summary>Pulumi resource options; names refer to other resources of the same program.</summary>
public sealed record ResourceOptions
{
    /// <summary>No options.</summary>
    public static ResourceOptions None { get; } = new();

    /// <summary>Explicit provider resource name.</summary>
    public string? Provider { get; init; }

    /// <summary>Resources that must be created first.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>Refuse to delete the resource.</summary>
    public bool Protect { get; init; }

    /// <summary>Parent resource name.</summary>
    public string? Parent { get; init; }

    /// <summary>Input properties whose changes are ignored.</summary>
    public IReadOnlyList<string> IgnoreChanges { get; init; } = [];

    /// <summary>Keep the cloud resource when Pulumi deletes it.</summary>
    public bool RetainOnDelete { get; init; }

    /// <summary>Custom operation timeouts.</summary>
    public CustomTimeouts? CustomTimeouts { get; init; }

    /// <summary>The provider plugin version the resource is created with (pins the program to the schema it was checked against).</summary>
    public string? Version { get; init; }
}
