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

    /// <summary>Configures the recipe from its options.</summary>
    public ChangePackage(RecipeArguments arguments)
    {
        _from = arguments.Required("from");
        _to = arguments.Required("to");
        _version = arguments.Optional("version");
        _keepWhileUsedBy = arguments.Optional("keepWhileUsedBy");
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
    ];

    /// <inheritdoc/>
    public void Run(SourceSet sources)
    {
        var stillUsed = _keepWhileUsedBy is not null && StillUsed(sources);
        foreach (var path in sources.PathsEndingWith(".csproj").Concat(sources.PathsEndingWith("Directory.Packages.props")).ToList())
        {
            var text = sources.Read(path);
            if (text.IndexOf(_from, StringComparison.OrdinalIgnoreCase) < 0) continue; // cheap precondition
            var elements = PackageElement().Matches(text);
            var from = elements.Where(m => m.Groups["id"].Value.Equals(_from, StringComparison.OrdinalIgnoreCase)).ToList();
            if (from.Count == 0) continue;
            if (elements.Any(m => m.Groups["id"].Value.Equals(_to, StringComparison.OrdinalIgnoreCase)))
            {
                sources.AddManualStep(path, TextLines.LineOf(text, from[0].Index),
                    $"{_to} is already referenced: remove the {_from} reference by hand.");
                continue;
            }
            var changed = PackageElement().Replace(text, m => !m.Groups["id"].Value.Equals(_from, StringComparison.OrdinalIgnoreCase) ? m.Value
                : stillUsed ? m.Value + LineBreakAndIndent(text, m.Index) + Rewrite(m) : Rewrite(m));
            sources.Write(path, changed);
            if (stillUsed)
                sources.AddManualStep(path, TextLines.LineOf(text, from[0].Index),
                    $"{_from} was kept beside {_to} because code still uses the {_keepWhileUsedBy} namespace: remove it once that code is ported.");
        }
    }

    private bool StillUsed(SourceSet sources) =>
        sources.CSharpFiles.Any(path => sources.Read(path).Contains("using " + _keepWhileUsedBy, StringComparison.Ordinal)
            && sources.SyntaxTree(path).GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.UsingDirectiveSyntax>()
                .Any(u => u.NamespaceOrType.ToString() is var name && (name == _keepWhileUsedBy || name.StartsWith(_keepWhileUsedBy + ".", StringComparison.Ordinal))));

    private static string LineBreakAndIndent(string text, int index)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        return "\n" + text[lineStart..index];
    }

    private string Rewrite(Match element)
    {
        var id = element.Groups["id"];
        var text = element.Value[..(id.Index - element.Index)] + _to + element.Value[(id.Index - element.Index + id.Length)..];
        return _version is null ? text : VersionAttribute().Replace(text, m => m.Groups["open"].Value + _version + m.Groups["close"].Value, 1);
    }

    [GeneratedRegex("""<(?:PackageReference|PackageVersion)\b[^>]*?\b(?:Include|Update)\s*=\s*"(?<id>[^"]+)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex PackageElement();

    [GeneratedRegex("""(?<open>\bVersion\s*=\s*")[^"]*(?<close>")""", RegexOptions.IgnoreCase)]
    private static partial Regex VersionAttribute();
}
