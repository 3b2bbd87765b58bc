using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Toolkit.Transforms.Rewriters.OpenAi;

internal sealed partial class ChatClientRewrite
{
    // completion.Refusal: Microsoft.Extensions.AI has no refusal field. A model that refuses ends its reply with a
    // refusal stop reason, which the Anthropic SDK's IChatClient (13.14.0, seen on the wire) reports as
    // ChatFinishReason.ContentFilter with the refusal as the reply's text: Refusal reads that text then, and null
    // otherwise, as before. The receiver is read twice, so only a plain name or member chain is ported.
    private void PlanRefusals()
    {
        foreach (var access in _root.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
        {
            if (access.Name.Identifier.ValueText != "Refusal" || model.GetSymbolInfo(access).Symbol is not IPropertySymbol { ContainingType: var owner }
                || FullName(owner) != "OpenAI.Chat.ChatCompletion") continue;
            if (!IsPlainChain(access.Expression))
            {
                Unsupported.Add((LineOf(access), $"`{Describe(access)}`: the refusal is read from the reply's finish reason and text, and `{Describe(access.Expression)}` is not a plain variable to read twice: store the reply in a local first."));
                continue;
            }
            var bare = access.Parent is ArgumentSyntax or EqualsValueClauseSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax;
            Replace(access, access.Expression, e => bare ? $"{e}.FinishReason == ChatFinishReason.ContentFilter ? {e}.Text : null" : $"({e}.FinishReason == ChatFinishReason.ContentFilter ? {e}.Text : null)");
            Notes.Add((LineOf(access), recipe.Provider == ChatProvider.Anthropic
                ? $"`{Describe(access)}`: Anthropic has no refusal field; a refusal ends the reply with the stop reason refusal, which its IChatClient reports as ChatFinishReason.ContentFilter: this now reads the reply's text then, and null otherwise."
                : $"`{Describe(access)}`: {recipe.Provider.Id} has no refusal field; this now reads the reply's text when the reply ends with ChatFinishReason.ContentFilter, and null otherwise."));
        }
    }

    private static bool IsPlainChain(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax { Name: IdentifierNameSyntax } member => IsPlainChain(member.Expression),
        _ => false,
    };
}
