using System.Text.RegularExpressions;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Recipes.Primitives;

/// <summary>Replaces a NuGet package by another in project files and central package versions.</summary>
public sealed partial class ChangePackage : IRecipe
{
    /// <summary>Name used in recipe lists.</summary>
    public const string RecipeName = "Toolkit.ChangePackage";
    private readonly string _from;
    private readonly string _to;
    private readonly string? _version;
    private readonly string? _keepWhileUsedBy;
    private readonly string? _addWhenUsedBy;
    private readonly IReadOnlyDictionary<string, string> _alongWith;
    private readonly IReadOnlyDictionary<string, string> _bridges;
    private readonly string? _bridgesWhenUsedBy;
    private readonly IReadOnlyDictionary<string, string> _atLeast;

    /// <summary>Configures the recipe from its options.</summary>
    public ChangePackage(RecipeArguments arguments)
    {
        _from = arguments.Required("from");
        _to = arguments.Required("to");
        _version = arguments.Optional("version");
        _keepWhileUsedBy = arguments.Optional("keepWhileUsedBy");
        _addWhenUsedBy = arguments.Optional("addWhenUsedBy");
        _alongWith = arguments.Map("alongWith");
        _bridges = arguments.Map("bridges");
        _bridgesWhenUsedBy = arguments.Optional("bridgesWhenUsedBy");
        _atLeast = arguments.Map("atLeast");
    }

    /// <inheritdoc/>
    public string Name => RecipeName;

    /// <inheritdoc/>
    public string DisplayName => "Change a package reference";

    /// <inheritdoc/>
    public string Description =>
        "Replaces a PackageReference (and its central PackageVersion) by another package, pinning the given version. " +
        "A project that already references the new package is left alone with a manual step.";

    /// <inheritdoc/>
    public IReadOnlyList<RecipeOption> Options =>
    [
        new("from", "Package id to remove.", "OpenAI"),
        new("to", "Package id to add.", "Anthropic"),
        new("version", "Exact version of the new package; when absent the old version text is kept.", "12.36.0", Required: false),
        new("keepWhileUsedBy", "Namespace of the old package: while a C# file still has a using directive for it, the new package is added beside the old one.", "OpenAI", Required: false),
        new("addWhenUsedBy", "Namespace of the new package: when no C# file uses it (the code was not migrated), nothing changes.", "Anthropic", Required: false),
        new("alongWith", "Packages added next to the new one, id to exact version.", "Microsoft.Extensions.AI=10.11.0", Required: false),
        new("bridges", "Packages added next to the new one only while a C# file imports bridgesWhenUsedBy (ported code converting values back for code left on the old package), id to exact version.", "Microsoft.Extensions.AI.OpenAI=10.11.0", Required: false),
        new("bridgesWhenUsedBy", "Namespace or type whose using directive (using static too) calls for the bridges.", "OpenAI.Chat.MicrosoftExtensionsAIChatExtensions", Required: false),
        new("atLeast", "Packages the new one needs at a minimum version, id to version: a lower exact pin in the project is raised.", "System.Text.Json=10.0.6", Required: false),
    ];

    /// <inheritdoc/>
    public void Run(SourceSet sources)
    {
        if (_addWhenUsedBy is not null && HalfMigrationGuard.StillUsed(sources, _addWhenUsedBy) is null) return; // nothing was migrated to it
        var stillUsed = _keepWhileUsedBy is not null && HalfMigrationGuard.StillUsed(sources, _keepWhileUsedBy) is not null;
        var alongWith = _bridgesWhenUsedBy is not null && _bridges.Count > 0 && HalfMigrationGuard.StillUsed(sources, _bridgesWhenUsedBy) is not null
            ? _alongWith.Concat(_bridges.Where(b => !_alongWith.ContainsKey(b.Key))).ToDictionary(StringComparer.Ordinal)
            : _alongWith;
        var replaced = false;
        foreach (var path in sources.PathsEndingWith(".csproj").Concat(sources.PathsEndingWith("Directory.Packages.props")).ToList())
        {
            var text = sources.Read(path);
            if (text.IndexOf(_from, StringComparison.OrdinalIgnoreCase) < 0) continue; // cheap precondition
            var elements = PackageElement().Matches(text);
            var from = elements.Where(m => m.Groups["id"].Value.Equals(_from, StringComparison.OrdinalIgnoreCase)).ToList();
            if (from.Count == 0) continue;
            replaced = true;
            if (elements.Any(m => m.Groups["id"].Value.Equals(_to, StringComparison.OrdinalIgnoreCase)))
            {
                // Both are referenced: the old one goes by hand, but only once no code uses it any more.
                sources.AddManualStep(path, TextLines.LineOf(text, from[0].Index), stillUsed
                    ? $"{_to} is already referenced; {_from} stays beside it because code still uses the {_keepWhileUsedBy} namespace: remove it once that code is ported."
                    : $"{_to} is already referenced: remove the {_from} reference by hand.");
                continue;
            }
            var present = elements.Select(m => m.Groups["id"].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var outside = CentralVersionsOutside(sources, path);
            var changed = PackageElement().Replace(text, m => !m.Groups["id"].Value.Equals(_from, StringComparison.OrdinalIgnoreCase) ? m.Value
                : (stillUsed ? m.Value + LineBreakAndIndent(text, m.Index) + Rewrite(m, _to, _version, outside) : Rewrite(m, _to, _version, outside))
                    + string.Concat(alongWith.Where(a => !present.Contains(a.Key) && m.Value.EndsWith("/>", StringComparison.Ordinal)).OrderBy(a => a.Key, StringComparer.Ordinal)
                        .Select(a => LineBreakAndIndent(text, m.Index) + Rewrite(m, a.Key, a.Value, outside))));
            sources.Write(path, changed);
            RaiseFloors(sources, path);
            if (stillUsed)
                sources.AddManualStep(path, TextLines.LineOf(text, from[0].Index),
                    $"{_from} was kept beside {_to} because code still uses the {_keepWhileUsedBy} namespace: remove it once that code is ported.");
        }
        if (!replaced && _addWhenUsedBy is not null) AddToProject(sources, alongWith);
    }

    // The old package came in through another one (OpenAI through a Semantic Kernel connector): nothing
    // to replace, but the ported code needs the new package, added to the project beside its others.
    private void AddToProject(SourceSet sources, IReadOnlyDictionary<string, string> alongWith)
    {
        if (_version is null || _addWhenUsedBy is null) return;
        var projects = sources.PathsEndingWith(".csproj").ToList();
        if (projects.Count != 1) return;
        var path = projects[0];
        var text = sources.Read(path);
        var elements = PackageElement().Matches(text).Where(m => m.Value.StartsWith("<PackageReference", StringComparison.OrdinalIgnoreCase)).ToList();
        var present = elements.Select(m => m.Groups["id"].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (present.Contains(_to)) return; // the project has it: its companions are its own business
        var wanted = new[] { (Id: _to, Version: _version) }.Concat(alongWith.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => (Id: a.Key, Version: a.Value)))
            .Where(p => !present.Contains(p.Id)).ToList();
        if (wanted.Count == 0) return;
        // Central package management (references without a version): the version goes in VersionOverride.
        var central = elements.Count > 0 && elements.All(m => !VersionAttribute().IsMatch(m.Value) && !m.Value.Contains("VersionOverride", StringComparison.OrdinalIgnoreCase));
        string Element(string id, string version) => $"<PackageReference Include=\"{id}\" {(central ? "VersionOverride" : "Version")}=\"{version}\" />";
        if (elements.Count > 0)
        {
            var last = elements[^1];
            var end = last.Value.EndsWith("/>", StringComparison.Ordinal) ? last.Index + last.Length : text.IndexOf("</PackageReference>", last.Index, StringComparison.OrdinalIgnoreCase) is var close and >= 0 ? close + "</PackageReference>".Length : -1;
            if (end < 0) return;
            var indent = LineBreakAndIndent(text, last.Index);
            sources.Write(path, text[..end] + string.Concat(wanted.Select(p => indent + Element(p.Id, p.Version))) + text[end..]);
            RaiseFloors(sources, path);
            return;
        }
        var projectEnd = text.LastIndexOf("</Project>", StringComparison.OrdinalIgnoreCase);
        if (projectEnd < 0) return;
        sources.Write(path, text[..projectEnd] + "  <ItemGroup>\n" + string.Concat(wanted.Select(p => "    " + Element(p.Id, p.Version) + "\n")) + "  </ItemGroup>\n" + text[projectEnd..]);
    }

    private static string LineBreakAndIndent(string text, int index)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        var prefix = text[lineStart..index];
        // An element that shares its line with others (a one-line project) gets its neighbour on the same line.
        return prefix.Trim().Length > 0 ? " " : "\n" + prefix;
    }

    private static string Rewrite(Match element, string to, string? version, bool versionOutside = false)
    {
        var id = element.Groups["id"];
        var text = element.Value[..(id.Index - element.Index)] + to + element.Value[(id.Index - element.Index + id.Length)..];
        if (version is not null && versionOutside && !VersionAttribute().IsMatch(text)) return WithVersionOverride(text, version);
        return version is null ? text : VersionAttribute().Replace(text, m => m.Groups["open"].Value + version + m.Groups["close"].Value, 1);
    }

    [GeneratedRegex("""<(?:PackageReference|PackageVersion)\b[^>]*?\b(?:Include|Update)\s*=\s*"(?<id>[^"]+)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex PackageElement();

    [GeneratedRegex("""(?<open>\bVersion\s*=\s*")[^"]*(?<close>")""", RegexOptions.IgnoreCase)]
    private static partial Regex VersionAttribute();
}
