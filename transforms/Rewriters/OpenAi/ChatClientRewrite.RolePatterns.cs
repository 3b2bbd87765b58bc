using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Toolkit.Transforms.Rewriters.OpenAi;

internal sealed partial class ChatClientRewrite
{
    // OpenAI's message classes, by role. Microsoft.Extensions.AI has one ChatMessage whose Role tells them apart.
    private static readonly Dictionary<string, string> RoleTypes = new(StringComparer.Ordinal)
    {
        ["OpenAI.Chat.SystemChatMessage"] = "System", ["OpenAI.Chat.UserChatMessage"] = "User",
        ["OpenAI.Chat.AssistantChatMessage"] = "Assistant", ["OpenAI.Chat.ToolChatMessage"] = "Tool",
    };

    // A type test on a message class (`case UserChatMessage user:`, `m is ToolChatMessage`) would, retyped to
    // ChatMessage, match every message: it becomes a test of the role (`case ChatMessage user when
    // user.Role == ChatRole.User:`). Type tests the swap cannot rewrite that way (casts, `as`, OfType, property
    // patterns, developer and function messages, which have no role of their own) are manual steps.
    private void PlanRolePatterns()
    {
        foreach (var name in _root.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            if (!name.Identifier.ValueText.EndsWith("ChatMessage", StringComparison.Ordinal) || name.Identifier.ValueText == "ChatMessage") continue; // cheap filter
            if (name.Ancestors().Any(a => a is UsingDirectiveSyntax) || model.GetSymbolInfo(name).Symbol is not INamedTypeSymbol type) continue;
            var full = FullName(type);
            if (!full.StartsWith("OpenAI.Chat.", StringComparison.Ordinal)) continue;
            var node = name.Parent is QualifiedNameSyntax qualified && qualified.Right == name ? (ExpressionSyntax)qualified : name;
            if (!IsTypeTest(node)) continue;
            if (!RoleTypes.TryGetValue(full, out var role))
            {
                Unsupported.Add((LineOf(node), $"`{Describe(node.Parent!)}` tests for an OpenAI {type.Name}, which has no role of its own in Microsoft.Extensions.AI (its messages are one ChatMessage type): port it by hand."));
                Accept(node);
                continue;
            }
            if (!PlanRoleTest(node, role))
            {
                Unsupported.Add((LineOf(node), $"`{Describe(node.Parent!)}` tests for an OpenAI {type.Name}; Microsoft.Extensions.AI has one ChatMessage type whose Role (ChatRole.{role}) tells it apart, and the swap rewrites that only in case labels, switch arms and `is`: port it by hand."));
                Accept(node);
            }
        }
    }

    private static bool IsTypeTest(SyntaxNode node) => node.Parent switch
    {
        CaseSwitchLabelSyntax label => label.Value == node,
        DeclarationPatternSyntax or TypePatternSyntax or RecursivePatternSyntax or ConstantPatternSyntax => true,
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.IsExpression or (int)SyntaxKind.AsExpression } binary => binary.Right == node,
        CastExpressionSyntax cast => cast.Type == node,
        TypeOfExpressionSyntax => true,
        TypeArgumentListSyntax { Parent: GenericNameSyntax { Identifier.ValueText: "OfType" or "Cast" } } => true,
        _ => false,
    };

    private bool PlanRoleTest(ExpressionSyntax type, string role)
    {
        var test = $"Role == ChatRole.{role}";
        switch (type.Parent)
        {
            // case ToolChatMessage:
            case CaseSwitchLabelSyntax label:
            {
                var variable = FreshName(role.ToLowerInvariant() + "Message", label.Parent!);
                Replace(label, $"case ChatMessage {variable} when {variable}.{test}:");
                return true;
            }
            // case UserChatMessage user [when ...]:, case ToolChatMessage [when ...]:
            case DeclarationPatternSyntax or TypePatternSyntax when type.Parent.Parent is CasePatternSwitchLabelSyntax { WhenClause: var when } label:
            {
                var variable = Designated(type.Parent) ?? FreshName(role.ToLowerInvariant() + "Message", label.Parent!);
                if (variable.Length == 0) return false;
                Replace(label, when is null ? [] : [when.Condition],
                    k => $"case ChatMessage {variable} when {variable}.{test}{(when is null ? "" : " && " + Grouped(when.Condition, k[0]))}:");
                return true;
            }
            // UserChatMessage user [when ...] => ..., ToolChatMessage => ...
            case DeclarationPatternSyntax or TypePatternSyntax or ConstantPatternSyntax when type.Parent.Parent is SwitchExpressionArmSyntax { WhenClause: var when } arm && arm.Pattern == type.Parent:
            {
                var variable = Designated(type.Parent) ?? FreshName(role.ToLowerInvariant() + "Message", arm);
                if (variable.Length == 0) return false;
                Replace(arm, when is null ? [arm.Expression] : [when.Condition, arm.Expression],
                    k => $"ChatMessage {variable} when {variable}.{test}{(when is null ? "" : " && " + Grouped(when.Condition, k[0]))} => {k[^1]}");
                return true;
            }
            // m is UserChatMessage user
            case DeclarationPatternSyntax { Designation: SingleVariableDesignationSyntax designation } pattern when pattern.Parent is IsPatternExpressionSyntax test2 && test2.Pattern == pattern:
            {
                var variable = designation.Identifier.ValueText;
                Replace(test2, test2.Expression, e => Wrapped(test2, $"{e} is ChatMessage {variable} && {variable}.{test}"));
                return true;
            }
            // m is UserChatMessage
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.IsExpression } binary:
                Replace(binary, binary.Left, e => Wrapped(binary, $"({e} as ChatMessage)?.{test}"));
                return true;
            default:
                return false;
        }
    }

    // The variable a declaration pattern names; null when it names none (a type pattern, a discard), "" when it is not a plain name.
    private static string? Designated(SyntaxNode pattern) => pattern switch
    {
        DeclarationPatternSyntax { Designation: SingleVariableDesignationSyntax single } => single.Identifier.ValueText,
        DeclarationPatternSyntax { Designation: DiscardDesignationSyntax } => null,
        DeclarationPatternSyntax => "",
        _ => null,
    };

    // Parentheses around a rewritten test, unless where it stands needs none.
    private static string Wrapped(SyntaxNode node, string text) => node.Parent switch
    {
        ParenthesizedExpressionSyntax or IfStatementSyntax or WhileStatementSyntax or ArgumentSyntax or EqualsValueClauseSyntax
            or ReturnStatementSyntax or ArrowExpressionClauseSyntax or WhenClauseSyntax or LambdaExpressionSyntax => text,
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } => text,
        _ => $"({text})",
    };
}
