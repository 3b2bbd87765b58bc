using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Toolkit.Transforms.Rewriters.OpenAi;

internal sealed partial class ChatClientRewrite
{
    // One survey per compilation: every file of the app is planned against the same one, in parallel.
    private static readonly ConditionalWeakTable<Compilation, HandedRootSurvey> Surveys = new();

    /// <summary>
    /// How the app's <c>OpenAIClient</c> values travel: where each is created, whether code calls
    /// <c>GetChatClient</c> on one it was handed (a constructor, primary-constructor or method parameter, a field or
    /// property set from one, a DI registration), and the first use that is not <c>GetChatClient</c>.
    /// </summary>
    private sealed record HandedRootSurvey(IReadOnlyList<(string Where, BaseObjectCreationExpressionSyntax Creation)> Creations, bool Handed, string? OtherUse)
    {
        // AnthropicClient is the counterpart of a root client (one key, chat clients by model: AsIChatClient(model)).
        public bool Ports(ChatProvider provider) => Handed && provider == ChatProvider.Anthropic && Creations.Count == 1 && OtherUse is null;
    }

    private HandedRootSurvey Survey() => Surveys.GetValue(model.Compilation, static compilation =>
    {
        var creations = new List<(string, BaseObjectCreationExpressionSyntax)>();
        var handed = false;
        string? other = null;
        foreach (var tree in compilation.SyntaxTrees.OrderBy(t => t.FilePath, StringComparer.Ordinal))
        {
            if (!tree.GetText().ToString().Contains("OpenAI", StringComparison.Ordinal)) continue; // cheap precondition
            var treeModel = compilation.GetSemanticModel(tree);
            var root = tree.GetRoot();
            var held = new List<ISymbol>();
            foreach (var creation in root.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
            {
                if (treeModel.GetTypeInfo(creation).Type is not { } type || FullName(type) != OpenAiClientType) continue;
                creations.Add(($"{tree.FilePath}:{creation.GetLocation().GetLineSpan().StartLinePosition.Line + 1}", creation));
                if (StoredIn(creation, treeModel) is { } holder) held.Add(holder);
            }
            foreach (var access in root.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
            {
                if (treeModel.GetTypeInfo(access.Expression).Type is not { } type || FullName(type) != OpenAiClientType) continue;
                if (access.Name.Identifier.ValueText != "GetChatClient")
                {
                    other ??= $"`{access}` at {tree.FilePath}:{access.GetLocation().GetLineSpan().StartLinePosition.Line + 1}";
                    continue;
                }
                if (access.Expression is BaseObjectCreationExpressionSyntax) continue;
                var symbol = treeModel.GetSymbolInfo(access.Expression).Symbol;
                if (symbol is IParameterSymbol || symbol is IFieldSymbol or IPropertySymbol or ILocalSymbol && !held.Contains(symbol, SymbolEqualityComparer.Default)) handed = true;
            }
        }
        return new HandedRootSurvey(creations, handed, other);
    });

    // The field, property or local a creation is stored in where it is declared or assigned.
    private static ISymbol? StoredIn(SyntaxNode creation, SemanticModel treeModel) => creation.Parent switch
    {
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => treeModel.GetDeclaredSymbol(declarator),
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => treeModel.GetDeclaredSymbol(property),
        AssignmentExpressionSyntax assignment when assignment.Right == creation => treeModel.GetSymbolInfo(assignment.Left).Symbol,
        _ => null,
    };

    // receiver.GetChatClient(model) on an OpenAIClient the code was handed: with one creation in the app and only chat
    // made from it, the root becomes an AnthropicClient (types, the creation) and the call AsIChatClient(model);
    // otherwise a manual step names where the client comes from. True when the call is handled here.
    private bool PlanHandedRoot(InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access, ExpressionSyntax modelArgument)
    {
        var survey = Survey();
        if (!survey.Handed || access.Expression is BaseObjectCreationExpressionSyntax) return false;
        if (!survey.Ports(recipe.Provider))
        {
            var symbol = model.GetSymbolInfo(access.Expression).Symbol;
            if (symbol is not IParameterSymbol && CreationHeldHere(symbol)) return false; // the usual path: built in this file
            var why = recipe.Provider != ChatProvider.Anthropic ? $"{recipe.Provider.Id} has no root client that makes chat clients by model"
                : survey.OtherUse is { } other ? $"the OpenAIClient also serves {other}, which stays on OpenAI"
                : survey.Creations.Count == 0 ? "no OpenAIClient is created in the app's code (it comes from a library or a factory)"
                : $"OpenAIClient is created in {survey.Creations.Count} places ({string.Join(", ", survey.Creations.Select(c => c.Where))})";
            Unsupported.Add((LineOf(invocation), $"the ChatClient comes from `{Describe(invocation)}` on an OpenAIClient given to this code from outside" +
                (survey.Creations.Count == 1 ? $" (created at {survey.Creations[0].Where})" : "") + $", and {why}: build the IChatClient where the OpenAIClient is created, by hand."));
            return true;
        }
        var modelText = MapLiterals(modelArgument, recipe.Models, unmapped => Notes.Add((LineOf(unmapped),
            $"'{unmapped.Token.ValueText}' is not a known OpenAI model id, so it was kept: set a {recipe.Provider.Id} model id here.")));
        ModelFromEnvironment(modelArgument);
        Replace(invocation, access.Expression, r => $"{r}.AsIChatClient({modelText})");
        _createsClient = true;
        return true;
    }

    private bool CreationHeldHere(ISymbol? symbol) =>
        symbol is not null && Survey().Creations.Any(c => c.Creation.SyntaxTree == _root.SyntaxTree && SymbolEqualityComparer.Default.Equals(StoredIn(c.Creation, model), symbol));

    // With the handed root ported: `OpenAIClient` type names become AnthropicClient, and its one creation is built as one.
    private void PlanHandedRootTypes()
    {
        var survey = Survey();
        if (!survey.Ports(recipe.Provider)) return;
        foreach (var name in _root.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (name.Identifier.ValueText != "OpenAIClient" || name.Parent is QualifiedNameSyntax { Right: var right } && right != name || IsConsumed(name)
                || name.Ancestors().Any(a => a is UsingDirectiveSyntax) || name.Parent is ObjectCreationExpressionSyntax) continue;
            if (model.GetSymbolInfo(name).Symbol is INamedTypeSymbol type && FullName(type) == OpenAiClientType)
            {
                Replace(name.Parent is QualifiedNameSyntax qualified ? qualified : name, "AnthropicClient");
                _createsClient = true;
            }
        }
        var (_, creation) = survey.Creations[0];
        if (creation.SyntaxTree != _root.SyntaxTree || HasEdit(creation)) return;
        var constructor = Constructor(creation);
        var key = constructor is null ? null : Argument(creation.ArgumentList, constructor, "apiKey") ?? KeyOfCredential(Argument(creation.ArgumentList, constructor, "credential"));
        if (constructor is null || key is null || constructor.Parameters.Length != 1)
        {
            Unsupported.Add((LineOf(creation), $"`{Describe(creation)}` builds the OpenAIClient that chat code is handed with options or a pipeline: build the AnthropicClient by hand."));
            return;
        }
        NoteCarriedKey(key, creation);
        Replace(creation, $"new AnthropicClient {{ ApiKey = {MapKey(key)} }}");
        _createsClient = true;
    }
}
