using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Recipes.Primitives;

/// <summary>Renames a namespace in <c>using</c> directives.</summary>
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
        "A directive that would repeat one the file already has is removed, and the existing one is kept as written.";

    /// <inheritdoc/>
    public IReadOnlyList<RecipeOption> Options =>
    [
        new("from", "Namespace to rename.", "Legacy.Storage"),
        new("to", "New namespace.", "Modern.Storage"),
    ];

    /// <inheritdoc/>
    public void Run(SourceSet sources)
    {
        foreach (var path in sources.CSharpFiles.ToList())
        {
            var text = sources.Read(path);
            if (!text.Contains(_from, StringComparison.Ordinal)) continue; // cheap precondition
            var directives = sources.SyntaxTree(path).GetRoot().DescendantNodes().OfType<UsingDirectiveSyntax>()
                .Where(u => u.Alias is null && u.StaticKeyword == default).ToList();
            var present = directives.Select(u => u.NamespaceOrType.ToString()).ToHashSet(StringComparer.Ordinal);
            var changes = new List<TextChange>();
            foreach (var directive in directives)
            {
                if (Renamed(directive.NamespaceOrType.ToString()) is not { } renamed) continue;
                if (present.Add(renamed)) changes.Add(new TextChange(directive.NamespaceOrType.Span, renamed));
                else changes.Add(new TextChange(TextSpan.FromBounds(LineStart(text, directive.SpanStart), directive.FullSpan.End), ""));
            }
            if (changes.Count > 0) sources.Write(path, SourceText.From(text).WithChanges(changes).ToString());
        }
    }

    private static int LineStart(string text, int position)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, position - 1)) + 1;
        return text[start..position].Trim().Length == 0 ? start : position;
    }

    private string? Renamed(string name) =>
        name == _from ? _to : name.StartsWith(_from + ".", StringComparison.Ordinal) ? _to + name[_from.Length..] : null;
}
