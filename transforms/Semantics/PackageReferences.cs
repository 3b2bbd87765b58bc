using System.Xml.Linq;

namespace Toolkit.Transforms.Semantics;

/// <summary>One <c>PackageReference</c> of a project, with the version restore would ask for.</summary>
/// <param name="Id">Package id.</param>
/// <param name="Version">The version range as written (the project's, <c>VersionOverride</c>, or the central one); <c>*</c> when it is an MSBuild property or absent.</param>
public sealed record PackageReference(string Id, string Version)
{
    /// <summary>
    /// Reads the package references of <paramref name="projectPath"/>, taking versions from
    /// <paramref name="centralVersions"/> (<c>Directory.Packages.props</c>) where the project gives none.
    /// Conditions are ignored: every reference any configuration uses is listed once, in project order.
    /// </summary>
    public static IReadOnlyList<PackageReference> Read(string projectPath, string? centralVersions)
    {
        var central = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (centralVersions is not null)
        {
            foreach (var item in Load(centralVersions).Descendants().Where(e => e.Name.LocalName == "PackageVersion"))
                if (Attribute(item, "Include") is { } id && Value(item, "Version") is { } version) central[id] = version;
        }
        var result = new List<PackageReference>();
        foreach (var item in Load(projectPath).Descendants().Where(e => e.Name.LocalName == "PackageReference"))
        {
            if (Attribute(item, "Include") is not { } id || result.Any(r => r.Id.Equals(id, StringComparison.OrdinalIgnoreCase))) continue;
            var version = Value(item, "VersionOverride") ?? Value(item, "Version") ?? central.GetValueOrDefault(id);
            result.Add(new PackageReference(id, version is null || version.Contains("$(", StringComparison.Ordinal) ? "*" : version));
        }
        return result;
    }

    /// <summary>The <c>ProjectReference</c> paths of <paramref name="projectPath"/>, as written.</summary>
    public static IReadOnlyList<string> ProjectReferences(string projectPath) =>
        Load(projectPath).Descendants().Where(e => e.Name.LocalName == "ProjectReference").Select(e => Attribute(e, "Include")).OfType<string>().Distinct().ToList();

    /// <summary>
    /// Full paths of the projects <paramref name="projectPath"/> references, directly or through them,
    /// that exist on disk, in the order first met (each once; cycles end).
    /// </summary>
    public static IReadOnlyList<string> ReferencedProjects(string projectPath)
    {
        var result = new List<string>();
        var pending = new Queue<string>([Path.GetFullPath(projectPath)]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { Path.GetFullPath(projectPath) };
        while (pending.TryDequeue(out var next))
        {
            foreach (var include in ProjectReferences(next))
            {
                var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(next)!, include.Replace('\\', Path.DirectorySeparatorChar)));
                if (!File.Exists(path) || !seen.Add(path)) continue;
                result.Add(path);
                pending.Enqueue(path);
            }
        }
        return result;
    }

    private static XDocument Load(string path)
    {
        try
        {
            return XDocument.Load(path);
        }
        catch (System.Xml.XmlException e)
        {
            throw new InvalidDataException($"{path}:{e.LineNumber}: not valid XML: {e.Message}", e);
        }
    }

    private static string? Attribute(XElement element, string name) => ((string?)element.Attribute(name))?.Trim() is { Length: > 0 } value ? value : null;

    private static string? Value(XElement element, string name) =>
        Attribute(element, name) ?? (element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim() is { Length: > 0 } value ? value : null);
}
