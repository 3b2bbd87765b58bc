using Toolkit.Core.Diagnostics;

namespace Toolkit.Stacks.Configuration;

/// <summary>
/// Where each value of a loaded config came from: a path such as <c>tenants[2].slug</c> to its
/// location in the file, so that any later check can point at the line that caused it.
/// </summary>
public sealed class SourceMap
{
    private readonly IReadOnlyDictionary<string, SourceLocation> _locations;

    /// <summary>A map with no locations (configs built in code).</summary>
    public static SourceMap Empty { get; } = new("", new Dictionary<string, SourceLocation>());

    /// <summary>Creates a map for <paramref name="file"/>.</summary>
    public SourceMap(string file, IReadOnlyDictionary<string, SourceLocation> locations)
    {
        File = file;
        _locations = locations;
    }

    /// <summary>The file the config was read from, or empty.</summary>
    public string File { get; }

    /// <summary>
    /// The location of <paramref name="path"/>, or of its nearest recorded parent
    /// (<c>deployment.regions[3]</c> falls back to <c>deployment.regions</c>, then <c>deployment</c>).
    /// </summary>
    public SourceLocation? Find(string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
            if (_locations.TryGetValue(p, out var location)) return location;
        return File.Length > 0 ? new SourceLocation(File, 1, 1) : null;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}
