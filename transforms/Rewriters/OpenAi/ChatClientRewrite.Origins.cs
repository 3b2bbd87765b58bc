using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Toolkit.Transforms.Rewriters.OpenAi;

internal sealed partial class ChatClientRewrite
{
    // The lines where a field or local of this file is given a client, when there is more than one
    // (an API key in one branch, DefaultAzureCredential in the other): the port cannot pick one.
    private IReadOnlyList<int> Assignments(ExpressionSyntax receiver)
    {
        if (model.GetSymbolInfo(receiver).Symbol is not ({ Kind: SymbolKind.Field or SymbolKind.Local } and var holder)
            || holder.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not VariableDeclaratorSyntax declarator || declarator.SyntaxTree != _root.SyntaxTree) return [];
        var lines = _root.DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Where(a => a.Left is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(a.Left).Symbol, holder))
            .Select(a => LineOf(a)).ToList();
        if (declarator.Initializer is not null) lines.Insert(0, LineOf(declarator));
        return lines.Count > 1 ? lines : [];
    }

    private string CreatedElsewhere(ExpressionSyntax receiver, InvocationExpressionSyntax use, string type) => Assignments(receiver) is { Count: > 0 } lines
        ? $"the ChatClient comes from `{Describe(use)}`, and `{receiver}` (an {type}) is set in {lines.Count} places (lines {string.Join(", ", lines)}), so the swap cannot tell which client to build: build the IChatClient by hand."
        : $"the ChatClient comes from `{Describe(use)}`, and `{receiver}` (an {type}) is created elsewhere (given to this code from outside): build the IChatClient where the {type} is created, by hand.";
    // var credential = new ApiKeyCredential(key); var openai = new AzureOpenAIClient(endpoint, credential): when the
    // client's declaration goes with the port, a credential local it alone used goes too (its type leaves with the package).
    private void RemoveCredentialLocal(BaseObjectCreationExpressionSyntax origin)
    {
        if (origin.Ancestors().OfType<LocalDeclarationStatementSyntax>().FirstOrDefault() is not { } declaration || !HasEdit(declaration)) return;
        foreach (var argument in origin.ArgumentList?.Arguments ?? default)
        {
            if (argument.Expression is not IdentifierNameSyntax name || TypeOf(name) is not { } type) continue;
            if (FullName(type) is "System.ClientModel.ApiKeyCredential" or "Azure.AzureKeyCredential") LocalCreation(name);
        }
    }
}
