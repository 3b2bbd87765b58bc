using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Recipes.Primitives;

/// <summary>Maps a named argument of a method or constructor to another parameter name.</summary>
public sealed class RenameArgument : IRecipe
{
    /// <summary>Name used in recipe lists.</summary>
    public const string RecipeName = "Toolkit.RenameArgument";
    private readonly string _type;
    private readonly string _method;
    private readonly string _from;
    private readonly string _to;

    /// <summary>Configures the recipe from its options.</summary>
    public RenameArgument(RecipeArguments arguments)
    {
        _type = arguments.Required("type");
        _method = arguments.Required("method");
        _from = arguments.Required("from");
        _to = arguments.Required("to");
    }

    /// <inheritdoc/>
    public string Name => RecipeName;

    /// <inheritdoc/>
    public string DisplayName => "Map a named argument";

    /// <inheritdoc/>
    public string Description =>
        "Changes the name of a named argument (name: value) in calls of a method or constructor bound to the given type. " +
        "Positional arguments are left as they are.";

    /// <inheritdoc/>
    public IReadOnlyList<RecipeOption> Options =>
    [
        new("type", "Fully qualified type declaring the method.", "OpenAI.Chat.ChatClient"),
        new("method", "Method name, or .ctor for a constructor.", ".ctor"),
        new("from", "Parameter name used in calls today.", "model"),
        new("to", "Parameter name to use instead.", "modelId"),
    ];

    /// <inheritdoc/>
    public void Run(SourceSet sources)
    {
        foreach (var path in sources.CSharpFiles.ToList())
        {
            if (!sources.Read(path).Contains(_from + ":", StringComparison.Ordinal)) continue; // cheap precondition
            var root = sources.SyntaxTree(path).GetRoot();
            var arguments = root.DescendantNodes().OfType<ArgumentSyntax>()
                .Where(a => a.NameColon?.Name.Identifier.ValueText == _from && a.Parent?.Parent is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax)
                .ToList();
            if (arguments.Count == 0) continue;
            if (sources.SemanticModel(path) is not { } model)
            {
                sources.AddManualStep(path, arguments[0].GetLocation().GetLineSpan().StartLinePosition.Line + 1,
                    $"argument '{_from}' may belong to {_type}.{_method} but the app's references could not be resolved: rename it to '{_to}' by hand.");
                continue;
            }
            var matches = arguments.Where(a => model.GetSymbolInfo(a.Parent!.Parent!).Symbol is IMethodSymbol method
                && SymbolNames.IsOrDerivesFrom(method.ContainingType, _type)
                && (_method == ".ctor" ? method.MethodKind == MethodKind.Constructor : method.Name == _method)).ToList();
            if (matches.Count == 0) continue;
            var changed = root.ReplaceNodes(matches, (original, _) =>
                original.WithNameColon(original.NameColon!.WithName(original.NameColon.Name.WithIdentifier(
                    SyntaxFactory.Identifier(_to).WithTriviaFrom(original.NameColon.Name.Identifier)))));
            sources.Write(path, changed.ToFullString());
        }
    }
}
