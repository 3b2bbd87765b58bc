using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Recipes.Primitives;

/// <summary>Renames calls to a method of a type (or of types deriving from or implementing it).</summary>
public sealed class RenameMethod : IRecipe
{
    /// <summary>Name used in recipe lists.</summary>
    public const string RecipeName = "Toolkit.RenameMethod";
    private readonly string _type;
    private readonly string _from;
    private readonly string _to;

    /// <summary>Configures the recipe from its options.</summary>
    public RenameMethod(RecipeArguments arguments)
    {
        _type = arguments.Required("type");
        _from = arguments.Required("from");
        _to = arguments.Required("to");
    }

    /// <inheritdoc/>
    public string Name => RecipeName;

    /// <inheritdoc/>
    public string DisplayName => "Rename a method";

    /// <inheritdoc/>
    public string Description =>
        "Changes calls of a method, bound through the semantic model to the given type, to another method name. " +
        "Arguments, comments and layout are kept.";

    /// <inheritdoc/>
    public IReadOnlyList<RecipeOption> Options =>
    [
        new("type", "Fully qualified type declaring the method (derived types and implementations match too).", "Amazon.S3.IAmazonS3"),
        new("from", "Method name to rename.", "PutACLAsync"),
        new("to", "New method name.", "PutObjectAclAsync"),
    ];

    /// <inheritdoc/>
    public void Run(SourceSet sources)
    {
        foreach (var path in sources.CSharpFiles.ToList())
        {
            if (!sources.Read(path).Contains(_from, StringComparison.Ordinal)) continue; // cheap precondition
            var root = sources.SyntaxTree(path).GetRoot();
            var names = root.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Select(i => i.Expression switch
                {
                    MemberAccessExpressionSyntax member => member.Name,
                    SimpleNameSyntax simple => simple,
                    _ => null,
                })
                .OfType<SimpleNameSyntax>().Where(n => n.Identifier.ValueText == _from).ToList();
            if (names.Count == 0) continue;
            if (sources.SemanticModel(path) is not { } model)
            {
                sources.AddManualStep(path, names[0].GetLocation().GetLineSpan().StartLinePosition.Line + 1,
                    $"{_type}.{_from} may be called here but the app's references could not be resolved: rename it to {_to} by hand.");
                continue;
            }
            var matches = names.Where(n => model.GetSymbolInfo(n).Symbol is IMethodSymbol method
                && SymbolNames.IsOrDerivesFrom(method.ContainingType, _type)).ToList();
            if (matches.Count == 0) continue;
            var changed = root.ReplaceNodes(matches, (original, _) => original.WithIdentifier(SyntaxFactory.Identifier(_to).WithTriviaFrom(original.Identifier)));
            sources.Write(path, changed.ToFullString());
        }
    }
}
