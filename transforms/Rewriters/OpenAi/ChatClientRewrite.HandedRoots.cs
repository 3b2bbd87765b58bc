using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Toolkit.Transforms.Rewriters.OpenAi;

internal sealed partial class ChatClientRewrite
{
    /// <summary>How the app's OpenAIClient values travel (<see cref="HandedRootSurvey.Find"/>, once per plan).</summary>
    public required HandedRootSurvey Roots { get; init; }

    // receiver.GetChatClient(model) on an OpenAIClient the code was handed: with one creation in the app and only chat
    // made from it, the root becomes an AnthropicClient (types, the creation) and the call AsIChatClient(model);
    // otherwise a manual step names where the client comes from. True when the call is handled here.
    private bool PlanHandedRoot(InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access, ExpressionSyntax modelArgument)
    {
        var survey = Roots;
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
        symbol is not null && Roots.Creations.Any(c => c.Creation.SyntaxTree == _root.SyntaxTree && SymbolEqualityComparer.Default.Equals(HandedRootSurvey.StoredIn(c.Creation, model), symbol));

    // With the handed root ported: `OpenAIClient` type names become AnthropicClient, and its one creation is built as one.
    private void PlanHandedRootTypes()
    {
        var survey = Roots;
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
