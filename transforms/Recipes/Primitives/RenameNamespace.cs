using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Recipes.Primitives;

/// <summary>Renames a namespace in <c>using</c> directives and in qualified names that bind to it.</summary>
public sealed class RenameNamespace : IRecipe
{
    /// <summary>Name used in recipe lists.</summary>
    public const string RecipeName = "Toolkit.RenameNamespace";
    private readonly string _from;
    private readonly string _to;

    /// <summary>Configures the recipe from its options.</summary>
    public RenameNamespace(RecipeArguments arguments)
    {
        _from = arguments.Required("from");
        _to = arguments.Required("to");
    }

    /// <inheritdoc/>
    public string Name => RecipeName;

    /// <inheritdoc/>
    public string DisplayName => "Rename a namespace";

    /// <inheritdoc/>
    public string Description =>
        "Changes using directives for a namespace (and its child namespaces) to another namespace. " +
        "A directive that would duplicate one already present is removed.";

    /// <inheritdoc/>
    public IReadOnlyList<RecipeOption> Options =>
    [
        new("from", "Namespace to rename.", "Amazon.S3.Legacy"),
        new("to", "New namespace.", "Amazon.S3"),
    ];

    /// <inheritdoc/>
    public void Run(SourceSet sources)
    {
        foreach (var path in sources.CSharpFiles.ToList())
        {
            if (!sources.Read(path).Contains(_from, StringComparison.Ordinal)) continue; // cheap precondition
            var root = sources.SyntaxTree(path).GetRoot();
            var changed = root.ReplaceNodes(
                root.DescendantNodes().OfType<UsingDirectiveSyntax>().Where(u => u.Alias is null && Renamed(u.NamespaceOrType.ToString()) is not null),
                (original, _) =>
                {
                    var renamed = Renamed(original.NamespaceOrType.ToString())!;
                    return original.WithNamespaceOrType(SyntaxFactory.ParseName(renamed).WithTriviaFrom(original.NamespaceOrType));
                });
            // Drop directives that now repeat one the file already had (first one wins).
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var duplicates = changed.DescendantNodes().OfType<UsingDirectiveSyntax>()
                .Where(u => u.Alias is null && u.StaticKeyword == default && !seen.Add(u.GlobalKeyword + u.NamespaceOrType.ToString()))
                .ToList();
            if (duplicates.Count > 0) changed = changed.RemoveNodes(duplicates, SyntaxRemoveOptions.KeepNoTrivia)!;
            if (changed != root) sources.Write(path, changed.ToFullString());
        }
    }

    private string? Renamed(string name) =>
        name == _from ? _to : name.StartsWith(_from + ".", StringComparison.Ordinal) ? _to + name[_from.Length..] : null;
}
