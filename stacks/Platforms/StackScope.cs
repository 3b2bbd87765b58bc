using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Stacks.Platforms;

/// <summary>
/// What every construct of one stack definition shares: the program being built, the synthesis context,
/// the stack's typed config keys and findings. One per synth; not shared between threads.
/// </summary>
public sealed class StackScope
{
    /// <summary>Starts a scope for <paramref name="context"/>.</summary>
    public StackScope(SynthesisContext context)
    {
        Context = context;
        Program = new ProgramBuilder(context.ProjectName, context.Stack.Name,
            string.IsNullOrWhiteSpace(context.Config.Project.Description) ? context.Config.Project.Name : context.Config.Project.Description);
    }

    /// <summary>The synthesis context.</summary>
    public SynthesisContext Context { get; }

    /// <summary>The program being built.</summary>
    public ProgramBuilder Program { get; }

    /// <summary>Warnings and infos the definitions raise (for example a region without a Kubernetes cluster).</summary>
    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>The apex DNS zone.</summary>
    public string Domain => Context.Config.Deployment.Domain;

    /// <summary>A prefix for cloud-side names: <c>slug-stack</c>.</summary>
    public string Prefix => $"{Context.ProjectName}-{Context.Stack.Name}";

    /// <summary>Name of the explicit AWS provider of <paramref name="region"/>.</summary>
    public static string AwsProvider(string region) => $"aws-{region}";

    /// <summary>Options that pin a resource to the AWS provider of <paramref name="region"/>.</summary>
    public static ResourceOptions InRegion(string region) => new() { Provider = AwsProvider(region) };

    /// <summary>Adds an AWS resource in <paramref name="region"/>.</summary>
    public Resource Aws(string name, string type, MapValue properties, string region, ResourceOptions? options = null) =>
        Program.Add(name, type, properties, (options ?? ResourceOptions.None) with { Provider = AwsProvider(region) }, region);

    /// <summary>Adds a resource of the default <c>random</c> provider, pinned to its version.</summary>
    public Resource Random(string name, string type, MapValue properties) =>
        Program.Add(name, type, properties, new ResourceOptions { Version = ProviderVersions.Of("random") });

    /// <summary>Adds an explicit provider of <paramref name="package"/>, pinned to its version.</summary>
    public Resource Provider(string name, string package, MapValue properties, string? region = null) =>
        Program.Add(name, "pulumi:providers:" + package, properties, new ResourceOptions { Version = ProviderVersions.Of(package) }, region);

    /// <summary>
    /// Cloudflare's published IPv4 ranges (<c>cloudflare:index/getIpRanges</c>) when the edge is Cloudflare, else null:
    /// the only sources an origin behind Cloudflare admits, so the edge cannot be bypassed.
    /// </summary>
    public Value? CloudflareRanges { get; set; }

    /// <summary>True when compute is Kubernetes (existing clusters; no ECS, load balancer or VPC of the stack's own).</summary>
    public bool OnKubernetes => Context.Config.Technologies.Compute == "kubernetes";

    /// <summary>Tags every AWS resource of this stack gets (through the provider's default tags).</summary>
    public MapValue Tags => Expr.Map(("project", Context.ProjectName), ("stack", Context.Stack.Name), ("managed-by", "toolkit"));

    /// <summary>Whether data at rest is encrypted (compliance.encryption.atRest).</summary>
    public bool EncryptAtRest => Context.Config.Compliance.Encryption.AtRest;

    /// <summary>Whether customer-managed KMS keys are used (only meaningful with encryption at rest).</summary>
    public bool CustomerManagedKeys => EncryptAtRest && Context.Config.Compliance.Encryption.CustomerManagedKeys;

    /// <summary>Minimum TLS version (<c>1.2</c> or <c>1.3</c>).</summary>
    public string MinimumTls => Context.Config.Compliance.Encryption.MinimumTlsVersion;

    /// <summary>A region id as a config-key suffix: <c>us-east-1</c> to <c>UsEast1</c>.</summary>
    public static string Pascal(string region) =>
        string.Concat(region.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
}
