namespace Toolkit.Stacks.Catalogue;

/// <summary>Entry price of an option for a production platform.</summary>
public enum PricingTier
{
    /// <summary>A free tier covers a small production load.</summary>
    Free,
    /// <summary>A low monthly fee.</summary>
    Starter,
    /// <summary>Usage-priced; grows with tenants.</summary>
    Growth,
    /// <summary>Sales-led contract.</summary>
    Enterprise,
}

/// <summary>How much work integrating an option takes.</summary>
public enum IntegrationComplexity
{
    /// <summary>An SDK and a key.</summary>
    Simple,
    /// <summary>Some infrastructure or code structure to set up.</summary>
    Moderate,
    /// <summary>Architecture-level commitment.</summary>
    Complex,
}

/// <summary>One technology a config can choose (<c>database: neon</c>).</summary>
public sealed record TechnologyOption(
    string Id,
    string Label,
    string Category,
    string UseWhen,
    PricingTier PricingTier,
    IntegrationComplexity Complexity,
    string DocumentationUrl)
{
    /// <summary>What the stacks create for this option (empty when they create nothing).</summary>
    public string Provisions { get; init; } = "";

    /// <summary>What the user must bring before <c>pulumi up</c> (empty when nothing); synth prints it as an info diagnostic.</summary>
    public string Bring { get; init; } = "";

    /// <summary>Environment names of the secret slots the services get for this option; the user fills them.</summary>
    public IReadOnlyList<string> SecretSlots { get; init; } = [];
}

/// <summary>A decision point under <c>technologies:</c> and its options.</summary>
public sealed record TechnologyCategory(
    string Id,
    string Label,
    string Description,
    bool Required,
    string Default,
    IReadOnlyList<TechnologyOption> Options)
{
    /// <summary>The option with <paramref name="id"/>, or null.</summary>
    public TechnologyOption? Find(string id) => Options.FirstOrDefault(o => o.Id == id);
}

/// <summary>A real AWS region id the stacks may deploy to.</summary>
public sealed record CloudRegion(string Id, string Name, bool GdprAdequate);
