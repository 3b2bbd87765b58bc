namespace Toolkit.Compliance.Resources;

/// <summary>
/// The synthesized program as the checks see it: its resources (in program order) and the regions it
/// deploys to (from the stack and from every provider's <c>region</c>).
/// </summary>
public sealed record ProgramView(IReadOnlyList<ResourceView> Resources, IReadOnlyList<string> Regions)
{
    /// <summary>Resources of any of <paramref name="types"/>, in program order.</summary>
    public IReadOnlyList<ResourceView> OfType(params string[] types) =>
        Resources.Where(r => types.Any(r.Is)).ToList();

    /// <summary>The resource named <paramref name="name"/>, or null.</summary>
    public ResourceView? Named(string name) => Resources.FirstOrDefault(r => r.Name == name);

    /// <summary>Resources of <paramref name="type"/> whose properties refer to <paramref name="target"/>.</summary>
    public IReadOnlyList<ResourceView> Referencing(ResourceView target, params string[] type) =>
        OfType(type).Where(r => r.References(target.Name)).ToList();
}
