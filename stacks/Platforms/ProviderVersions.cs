namespace Toolkit.Stacks.Platforms;

/// <summary>
/// The provider plugin versions every program is pinned to (resource option <c>version</c> on each explicit provider
/// and on resources of the default provider): the versions of the schemas the programs are validated against
/// (<c>../shared/pulumi-schemas/README.md</c>), so <c>pulumi up</c> runs the provider that was checked, not whatever
/// is newest on the day.
/// </summary>
public static class ProviderVersions
{
    /// <summary>Version by package name.</summary>
    public static IReadOnlyDictionary<string, string> ByPackage { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["aws"] = "7.48.0",
        ["cloudflare"] = "6.22.1",
        ["kubernetes"] = "4.34.2",
        ["random"] = "4.21.2",
    };

    /// <summary>The pinned version of <paramref name="package"/>.</summary>
    public static string Of(string package) => ByPackage[package];
}
