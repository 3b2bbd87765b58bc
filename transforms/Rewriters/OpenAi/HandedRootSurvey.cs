using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Transforms.Recipes.Primitives;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Rewriters.OpenAi;

/// <summary>
/// How the app's <c>OpenAIClient</c> values travel: where each is created, whether code calls
/// <c>GetChatClient</c> on one it was handed (a constructor, primary-constructor or method parameter, a field or
/// property set from one, a DI registration), and the first use that is not <c>GetChatClient</c>.
/// Found across the app once, before any file is planned: every file's plan asks it the same question.
/// </summary>
internal sealed record HandedRootSurvey(IReadOnlyList<(string Where, BaseObjectCreationExpressionSyntax Creation)> Creations, bool Handed, string? OtherUse)
{
    /// <summary>No OpenAIClient anywhere.</summary>
    public static HandedRootSurvey None { get; } = new([], false, null);

    /// <summary>
    /// True when the handed root can be ported: AnthropicClient is the counterpart of a root client (one key,
    /// chat clients by model: <c>AsIChatClient(model)</c>), created once and used for chat only.
    /// </summary>
    public bool Ports(ChatProvider provider) => Handed && provider == ChatProvider.Anthropic && Creations.Count == 1 && OtherUse is null;

    /// <summary>
    /// Surveys the files of <paramref name="models"/> (one compilation, the files that name OpenAI). Each file is read
    /// on its own core with the model its plan will use (so what is bound here is bound once), then merged in path order.
    /// </summary>
    public static HandedRootSurvey Find(IReadOnlyList<(string Path, SemanticModel Model)> models, OpenAiNames names)
    {
        if (models.Count == 0) return None;
        var extensions = ExtensionNames(models[0].Model.Compilation);
        var aliases = AliasNames(models[0].Model.Compilation);
        var found = new (List<(string, BaseObjectCreationExpressionSyntax)> Creations, bool Handed, string? Other)[models.Count];
        Parallel.For(0, models.Count, AllCores.Options, i => found[i] = In(models[i].Model, names, extensions, aliases));
        var order = Enumerable.Range(0, models.Count).OrderBy(i => models[i].Model.SyntaxTree.FilePath, StringComparer.Ordinal).ToList();
        return new HandedRootSurvey(order.SelectMany(i => found[i].Creations).ToList(), order.Any(i => found[i].Handed),
            order.Select(i => found[i].Other).FirstOrDefault(o => o is not null));
    }

    // Binding a node binds (and flow-analyses) its whole method, so only nodes that could be about an OpenAIClient are
    // bound: a creation naming an OpenAI type or an alias (or target-typed), a member access whose name is an OpenAI
    // member, an object member, or an extension method the app or a referenced project declares.
    private static (List<(string, BaseObjectCreationExpressionSyntax)>, bool, string?) In(SemanticModel model, OpenAiNames names, HashSet<string> extensions, HashSet<string> aliases)
    {
        var tree = model.SyntaxTree;
        var creations = new List<(string, BaseObjectCreationExpressionSyntax)>();
        var handed = false;
        string? other = null;
        var root = tree.GetRoot();
        var held = new List<ISymbol>();
        foreach (var creation in root.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
        {
            if (creation is ObjectCreationExpressionSyntax { Type: var named } && RightmostName(named) is { } typeName
                && !names.IsTypeName(typeName) && !aliases.Contains(typeName)) continue;
            if (model.GetTypeInfo(creation).Type is not { } type || SymbolNames.FullName(type) != ChatClientRewrite.OpenAiClientType) continue;
            creations.Add(($"{tree.FilePath}:{creation.GetLocation().GetLineSpan().StartLinePosition.Line + 1}", creation));
            if (StoredIn(creation, model) is { } holder) held.Add(holder);
        }
        foreach (var access in root.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
        {
            var member = access.Name.Identifier.ValueText;
            if (!names.CouldBind(access.Name) && !ObjectMembers.Contains(member) && !extensions.Contains(member)) continue;
            if (model.GetTypeInfo(access.Expression).Type is not { } type || SymbolNames.FullName(type) != ChatClientRewrite.OpenAiClientType) continue;
            if (access.Name.Identifier.ValueText != "GetChatClient")
            {
                other ??= $"`{access}` at {tree.FilePath}:{access.GetLocation().GetLineSpan().StartLinePosition.Line + 1}";
                continue;
            }
            if (access.Expression is BaseObjectCreationExpressionSyntax) continue;
            var symbol = model.GetSymbolInfo(access.Expression).Symbol;
            if (symbol is IParameterSymbol || symbol is IFieldSymbol or IPropertySymbol or ILocalSymbol && !held.Contains(symbol, SymbolEqualityComparer.Default)) handed = true;
        }
        return (creations, handed, other);
    }

    private static readonly HashSet<string> ObjectMembers = new(StringComparer.Ordinal) { "Equals", "GetHashCode", "GetType", "ToString" };

    private static string? RightmostName(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    // Names `using X = ...;` gives anywhere in the compilation (global aliases reach every file).
    private static HashSet<string> AliasNames(Compilation compilation) =>
        compilation.SyntaxTrees.SelectMany(t => Declarations.Usings(t.GetRoot())).Where(u => u.Alias is not null).Select(u => u.Alias!.Name.Identifier.ValueText).ToHashSet(StringComparer.Ordinal);

    // Extension methods the app's code or a referenced project compiled beside it declares (a `this` first parameter),
    // read from declarations only: any of them could take an OpenAIClient.
    private static HashSet<string> ExtensionNames(Compilation compilation)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var trees = compilation.SyntaxTrees.Concat(compilation.References.OfType<CompilationReference>().SelectMany(r => r.Compilation.SyntaxTrees));
        foreach (var tree in trees)
            foreach (var method in Declarations.Members(tree.GetRoot()).OfType<MethodDeclarationSyntax>())
                if (method.ParameterList.Parameters.FirstOrDefault()?.Modifiers.Any(m => m.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.ThisKeyword)) == true)
                    names.Add(method.Identifier.ValueText);
        return names;
    }

    /// <summary>The field, property or local a creation is stored in where it is declared or assigned.</summary>
    public static ISymbol? StoredIn(SyntaxNode creation, SemanticModel model) => creation.Parent switch
    {
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => model.GetDeclaredSymbol(declarator),
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => model.GetDeclaredSymbol(property),
        AssignmentExpressionSyntax assignment when assignment.Right == creation => model.GetSymbolInfo(assignment.Left).Symbol,
        _ => null,
    };
}
