using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Recipes.Primitives;

/// <summary>Renames references to a type, found through the semantic model (never by text alone).</summary>
public sealed class RenameType : IRecipe
{
    /// <summary>Name used in recipe lists.</summary>
    public const string RecipeName = "Toolkit.RenameType";
    private readonly string _from;
    private readonly string _to;

    /// <summary>Configures the recipe from its options.</summary>
    public RenameType(RecipeArguments arguments)
    {
        _from = arguments.Required("from");
        _to = arguments.Required("to");
    }

    /// <inheritdoc/>
    public string Name => RecipeName;

    /// <inheritdoc/>
    public string DisplayName => "Rename a type";

    /// <inheritdoc/>
    public string Description =>
        "Changes every name that binds to a type to the simple name of another type. " +
        "Pair it with a namespace rename when the namespace changes too; without the app's references it changes nothing and lists a manual step.";

    /// <inheritdoc/>
    public IReadOnlyList<RecipeOption> Options =>
    [
        new("from", "Fully qualified type to rename.", "Amazon.S3.Model.PutACLRequest"),
        new("to", "Fully qualified new type.", "Amazon.S3.Model.PutObjectAclRequest"),
    ];

    /// <inheritdoc/>
    public void Run(SourceSet sources)
    {
        var simpleFrom = _from[(_from.LastIndexOf('.') + 1)..];
        var simpleTo = _to[(_to.LastIndexOf('.') + 1)..];
        foreach (var path in sources.CSharpFiles.ToList())
        {
            var text = sources.Read(path);
            if (!text.Contains(simpleFrom, StringComparison.Ordinal)) continue; // cheap precondition
            var root = sources.SyntaxTree(path).GetRoot();
            var candidates = root.DescendantNodes().OfType<IdentifierNameSyntax>().Where(i => i.Identifier.ValueText == simpleFrom).ToList();
            if (candidates.Count == 0) continue;
            if (sources.SemanticModel(path) is not { } model)
            {
                sources.AddManualStep(path, candidates[0].GetLocation().GetLineSpan().StartLinePosition.Line + 1,
                    $"{_from} may be used here but the app's references could not be resolved: rename it to {_to} by hand.");
                continue;
            }
            var matches = candidates.Where(i => model.GetSymbolInfo(i).Symbol is INamedTypeSymbol type && SymbolNames.FullName(type) == _from
                || model.GetSymbolInfo(i).Symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } ctor && SymbolNames.FullName(ctor.ContainingType) == _from).ToList();
            if (matches.Count == 0) continue;
            var changed = root.ReplaceNodes(matches, (original, _) => original.WithIdentifier(SyntaxFactory.Identifier(simpleTo).WithTriviaFrom(original.Identifier)));
            sources.Write(path, changed.ToFullString());
        }
    }
}
