using System.Text.RegularExpressions;

namespace Toolkit.Transforms.Recipes;

/// <summary>
/// The one rule for finding a model id in a swap's models map (the rewriters where clients are built, the
/// configuration values, the provider swap): the exact id, or else, for a dated snapshot the map does not name,
/// its undated family. OpenAI dates its snapshots <c>gpt-4o-2024-08-06</c> (and once <c>gpt-4-0613</c>), whose
/// family is <c>gpt-4o</c>; Anthropic dates them <c>claude-3-5-sonnet-20241022</c>, whose family is named
/// <c>claude-3-5-sonnet</c> or by its alias <c>claude-3-5-sonnet-latest</c>. The family's counterpart is an
/// alias, not a snapshot, so a mapped dated id carries <see cref="ModelIdMapping.Family"/> and its note says so.
/// </summary>
public static partial class ModelIds
{
    // gpt-4o-2024-08-06, o3-mini-2025-01-31 (OpenAI); gpt-4-0613, gpt-3.5-turbo-0125 (OpenAI, older); claude-3-5-sonnet-20241022 (Anthropic).
    [GeneratedRegex(@"^(?<family>[a-z][a-z0-9.\-]*?)-(?:\d{4}-\d{2}-\d{2}|\d{8}|\d{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex Dated();

    /// <summary>The undated family of a dated model id (<c>gpt-4o</c> for <c>gpt-4o-2024-08-06</c>), or null when <paramref name="id"/> is not dated.</summary>
    public static string? Family(string id) => Dated().Match(id) is { Success: true } match ? match.Groups["family"].Value : null;

    /// <summary>What <paramref name="id"/> maps to in <paramref name="map"/> (exactly, or through its family), or null.</summary>
    public static ModelIdMapping? Map(IReadOnlyDictionary<string, string> map, string id)
    {
        if (map.TryGetValue(id, out var exact)) return new ModelIdMapping(id, exact, null);
        if (Family(id) is not { } family) return null;
        foreach (var name in new[] { family, family + "-latest" })
            if (map.TryGetValue(name, out var mapped)) return new ModelIdMapping(id, mapped, name);
        return null;
    }

    /// <summary>True when <paramref name="id"/> maps; <paramref name="mapped"/> is then its new id.</summary>
    public static bool TryMap(IReadOnlyDictionary<string, string> map, string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? mapped) =>
        (mapped = Map(map, id)?.To) is not null;
}

/// <summary>A model id found in a models map: <see cref="From"/> becomes <see cref="To"/>, through <see cref="Family"/> when the id was a dated snapshot the map does not name.</summary>
public sealed record ModelIdMapping(string From, string To, string? Family)
{
    /// <summary>The note a dated id mapped through its family gets (null for an exact mapping), in one wording for every swap.</summary>
    public string? DatedNote => Family is null ? null
        : $"'{From}' is a dated snapshot of {Family}, mapped as {Family} to '{To}', which is not pinned to a date: set a dated id there if the app needs a fixed model.";
}
