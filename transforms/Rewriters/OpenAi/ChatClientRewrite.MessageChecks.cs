using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Toolkit.Transforms.Rewriters.OpenAi;

internal sealed partial class ChatClientRewrite
{
    // new SystemChatMessage(value) that no pass ported (its argument's type did not bind, so the constructor did
    // not either; or tool calls): renaming the type alone would drop the role (new ChatMessage(value)), so it is a
    // manual step. Checked once every pass has run, as another may port it.
    private void CheckMessages()
    {
        foreach (var creation in _root.DescendantNodes().OfType<ExpressionSyntax>().Where(e => e is BaseObjectCreationExpressionSyntax or InvocationExpressionSyntax))
        {
            if (!IsMessageCreation(creation) || HasEdit(creation) || Unsupported.Any(u => u.Line == LineOf(creation))) continue;
            var argument = creation switch
            {
                BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: [var first, ..] } => first.Expression,
                InvocationExpressionSyntax { ArgumentList.Arguments: [var first, ..] } => first.Expression,
                _ => null,
            };
            var why = argument is not null && TypeOf(argument) is null or { TypeKind: TypeKind.Error }
                ? $"`{Describe(argument)}` has a type that did not bind (code not compiled here, such as a referenced project's)"
                : "its arguments have no Microsoft.Extensions.AI counterpart the swap knows";
            Unsupported.Add((LineOf(creation), $"`{Describe(creation)}` makes an OpenAI chat message, and {why}: port it by hand."));
        }
    }

    // A role message of OpenAI.Chat made here, bound or not (the type binds even when the constructor does not).
    private bool IsMessageCreation(ExpressionSyntax node)
    {
        if (node is BaseObjectCreationExpressionSyntax)
            return TypeOf(node) is { } type && FullName(type) is "OpenAI.Chat.SystemChatMessage" or "OpenAI.Chat.UserChatMessage" or "OpenAI.Chat.AssistantChatMessage" or "OpenAI.Chat.DeveloperChatMessage";
        if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } } || !Roles.ContainsKey(name) || !name.StartsWith("Create", StringComparison.Ordinal)) return false;
        var info = model.GetSymbolInfo(node);
        return (info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) is IMethodSymbol { IsStatic: true } method && FullName(method.ContainingType) == "OpenAI.Chat.ChatMessage";
    }
    // The bytes given to BinaryData.FromBytes(bytes), or null for any other BinaryData value.
    private ExpressionSyntax? BytesOf(ExpressionSyntax data) =>
        data is InvocationExpressionSyntax { ArgumentList.Arguments: [var raw] } call
        && model.GetSymbolInfo(call).Symbol is IMethodSymbol { Name: "FromBytes", ContainingType.Name: "BinaryData" }
            ? raw.Expression
            : null;
}
