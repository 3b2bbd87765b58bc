using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Toolkit.Transforms.Rewriters.OpenAi;

internal sealed partial class ChatClientRewrite
{
    private const string OpenAiFinishReasonType = "OpenAI.Chat.ChatFinishReason";

    // OpenAI's ChatFinishReason is an enum; Microsoft.Extensions.AI's is a struct whose values are static
    // properties, which a case label or a pattern cannot name. So `case ChatFinishReason.Stop:` becomes
    // `case var reason when reason == ChatFinishReason.Stop:` (labels of one section join with ||),
    // `reason switch { ChatFinishReason.Stop => ... }` gets the same arms, and `x is ChatFinishReason.Stop`
    // becomes `x == ChatFinishReason.Stop`. FunctionCall (OpenAI's deprecated function calling) has no
    // counterpart and no provider here sends it: its labels go, with a note.
    private void PlanFinishReasonPatterns()
    {
        foreach (var node in _root.DescendantNodes())
        {
            switch (node)
            {
                case SwitchStatementSyntax statement when IsFinishReason(statement.Expression):
                    AcceptFinishReasonRead(statement.Expression);
                    PlanReasonSwitch(statement);
                    break;
                case SwitchExpressionSyntax expression when IsFinishReason(expression.GoverningExpression):
                    AcceptFinishReasonRead(expression.GoverningExpression);
                    PlanReasonSwitchExpression(expression);
                    break;
                case IsPatternExpressionSyntax test when IsFinishReason(test.Expression):
                    AcceptFinishReasonRead(test.Expression);
                    PlanReasonTest(test);
                    break;
                // `x is ChatFinishReason.Stop` parses as a type test; it binds as a constant pattern.
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.IsExpression } test when IsFinishReason(test.Left) && ReasonName(test.Right) is { } name and not "FunctionCall":
                    AcceptFinishReasonRead(test.Left);
                    Replace(test, test.Left, e => $"{e} == ChatFinishReason.{name}");
                    break;
            }
        }
    }

    private bool IsFinishReason(ExpressionSyntax expression) => TypeOf(expression) switch
    {
        INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [var inner] } => FullName(inner) == OpenAiFinishReasonType,
        { } type => FullName(type) == OpenAiFinishReasonType,
        _ => false,
    };

    // completion.FinishReason read by the switch: ChatResponse.FinishReason is there too (nullable, which the new labels handle).
    private void AcceptFinishReasonRead(ExpressionSyntax expression)
    {
        if (expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FinishReason" } access && model.GetSymbolInfo(access).Symbol is IPropertySymbol property && IsOpenAiSymbol(property))
            Accept(access.Name);
    }

    private void PlanReasonSwitch(SwitchStatementSyntax statement)
    {
        var variable = FreshName("reason", statement);
        foreach (var section in statement.Sections)
        {
            var conditions = new List<(string Text, ExpressionSyntax? When)>();
            var dropped = false;
            foreach (var label in section.Labels)
            {
                switch (label)
                {
                    case DefaultSwitchLabelSyntax:
                        continue;
                    case CaseSwitchLabelSyntax { Value: var value } when ReasonName(value) is { } name:
                        if (name == "FunctionCall") dropped = true;
                        else conditions.Add(($"{variable} == ChatFinishReason.{name}", null));
                        continue;
                    case CasePatternSwitchLabelSyntax { Pattern: var pattern, WhenClause: var when } when ReasonCondition(pattern, variable) is var (text, never) && text is not null:
                        if (never) dropped = true;
                        else conditions.Add((text, when?.Condition));
                        continue;
                    default:
                        Unsupported.Add((LineOf(label), $"`{Describe(label)}` tests the finish reason in a way the swap does not know (Microsoft.Extensions.AI's ChatFinishReason has no constants): port it by hand."));
                        Accept(label);
                        continue;
                }
            }
            if (conditions.Count == 0 && !dropped) continue;
            var hasDefault = section.Labels.Any(l => l is DefaultSwitchLabelSyntax);
            if (dropped)
                Notes.Add((LineOf(section), "`ChatFinishReason.FunctionCall` (OpenAI's deprecated function calling) has no Microsoft.Extensions.AI counterpart and no provider of this swap sends it: its case was removed (tool calls finish with ChatFinishReason.ToolCalls)."));
            if (conditions.Count == 0 && !hasDefault)
            {
                // The section could only run for FunctionCall: it goes.
                _edits.Add(new Edit(section, [], _ => "") { Span = section.FullSpan }); // with the blank line and comments before it
                continue;
            }
            var kept = conditions.Where(c => c.When is not null).Select(c => (SyntaxNode)c.When!).ToList();
            var indent = Indent(section.Labels[0]);
            var span = TextSpan.FromBounds(section.Labels[0].SpanStart, section.Labels[^1].Span.End);
            _edits.Add(new Edit(section, kept, k =>
            {
                var whens = new Queue<string>(k);
                var parts = conditions.Select(c => c.When is null ? c.Text : $"{c.Text} && {Grouped(c.When, whens.Dequeue())}").ToList();
                var labels = new List<string>();
                if (parts.Count > 0) labels.Add($"case var {variable} when {string.Join(" || ", parts.Select(p => parts.Count > 1 && p.Contains("&&", StringComparison.Ordinal) ? $"({p})" : p))}:");
                if (hasDefault) labels.Add("default:");
                return string.Join("\n" + indent, labels);
            }) { Span = span });
        }
    }

    private void PlanReasonSwitchExpression(SwitchExpressionSyntax expression)
    {
        var variable = FreshName("reason", expression);
        foreach (var arm in expression.Arms)
        {
            if (arm.Pattern is DiscardPatternSyntax) continue;
            var (text, never) = ReasonCondition(arm.Pattern, variable);
            if (text is null || never)
            {
                Unsupported.Add((LineOf(arm), never
                    ? $"`{Describe(arm.Pattern)}` matches only ChatFinishReason.FunctionCall, which has no Microsoft.Extensions.AI counterpart: remove the arm by hand."
                    : $"`{Describe(arm.Pattern)}` tests the finish reason in a way the swap does not know (Microsoft.Extensions.AI's ChatFinishReason has no constants): port it by hand."));
                Accept(arm.Pattern);
                continue;
            }
            var when = arm.WhenClause?.Condition;
            Replace(arm, when is null ? [arm.Expression] : [when, arm.Expression],
                k => $"var {variable} when {text}{(when is null ? "" : " && " + Grouped(when, k[0]))} => {k[^1]}");
        }
    }

    // x is ChatFinishReason.Stop -> x == ChatFinishReason.Stop; `or` patterns compare again (x is read more than once, so only names and properties).
    private void PlanReasonTest(IsPatternExpressionSyntax test)
    {
        if (test.Pattern is ConstantPatternSyntax { Expression: var value } && ReasonName(value) is { } name and not "FunctionCall")
        {
            Replace(test, test.Expression, e => $"{e} == ChatFinishReason.{name}");
            return;
        }
        if (test.Pattern is UnaryPatternSyntax { Pattern: ConstantPatternSyntax { Expression: var negated } } && ReasonName(negated) is { } other and not "FunctionCall")
        {
            Replace(test, test.Expression, e => $"{e} != ChatFinishReason.{other}");
            return;
        }
        var simple = test.Expression.DescendantNodesAndSelf().All(n => n is IdentifierNameSyntax or MemberAccessExpressionSyntax or ThisExpressionSyntax);
        if (simple && ReasonCondition(test.Pattern, "\u0001") is ({ } text, false))
        {
            Replace(test, test.Expression, e => "(" + text.Replace("\u0001", e, StringComparison.Ordinal) + ")");
            return;
        }
        Unsupported.Add((LineOf(test), $"`{Describe(test)}` tests the finish reason in a way the swap does not know (Microsoft.Extensions.AI's ChatFinishReason has no constants): port it by hand."));
        Accept(test.Pattern);
    }

    // A pattern over OpenAI finish reasons as a condition on `variable`; Never when it can only match FunctionCall; null when unknown.
    private (string? Text, bool Never) ReasonCondition(PatternSyntax pattern, string variable)
    {
        switch (pattern)
        {
            case ConstantPatternSyntax { Expression: var value } when ReasonName(value) is { } name:
                return name == "FunctionCall" ? ("", true) : ($"{variable} == ChatFinishReason.{name}", false);
            case ParenthesizedPatternSyntax { Pattern: var inner }:
                return ReasonCondition(inner, variable) is ({ } text, var never) ? (never ? text : $"({text})", never) : (null, false);
            case BinaryPatternSyntax { RawKind: (int)SyntaxKind.OrPattern } or:
            {
                var (left, leftNever) = ReasonCondition(or.Left, variable);
                var (right, rightNever) = ReasonCondition(or.Right, variable);
                if (left is null || right is null) return (null, false);
                return (leftNever, rightNever) switch
                {
                    (true, true) => ("", true),
                    (true, false) => (right, false),
                    (false, true) => (left, false),
                    _ => ($"{left} || {right}", false),
                };
            }
            case UnaryPatternSyntax { Pattern: ConstantPatternSyntax { Expression: var negated } } when ReasonName(negated) is { } name and not "FunctionCall":
                return ($"{variable} != ChatFinishReason.{name}", false);
            default:
                return (null, false);
        }
    }

    // The member name when `value` is a value of OpenAI's ChatFinishReason enum (ChatFinishReason.Stop).
    private string? ReasonName(ExpressionSyntax value) =>
        model.GetSymbolInfo(value).Symbol is IFieldSymbol { ContainingType: var type } field && FullName(type) == OpenAiFinishReasonType
        && (FinishReasons.Contains(field.Name) || field.Name == "FunctionCall")
            ? field.Name
            : null;

    // `when` conditions join the new test with &&: one of lower precedence keeps its meaning in parentheses.
    private static string Grouped(ExpressionSyntax condition, string text) =>
        condition is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression or (int)SyntaxKind.CoalesceExpression }
            or ConditionalExpressionSyntax or AssignmentExpressionSyntax or LambdaExpressionSyntax
            ? $"({text})"
            : text;

    // A name free at `scope` and unused inside it (pattern variables live in the section or arm).
    private string FreshName(string name, SyntaxNode scope)
    {
        bool Taken(string candidate) =>
            model.LookupSymbols(scope.SpanStart, name: candidate).Length > 0
            || scope.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == candidate);
        if (!Taken(name)) return name;
        var prefixed = "finish" + char.ToUpperInvariant(name[0]) + name[1..];
        if (!Taken(prefixed)) return prefixed;
        for (var i = 2; ; i++)
            if (!Taken(name + i)) return name + i;
    }
}
