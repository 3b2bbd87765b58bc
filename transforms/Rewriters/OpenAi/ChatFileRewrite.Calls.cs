using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Toolkit.Transforms.Rewriters.OpenAi;

internal sealed partial class ChatFileRewrite
{
    private static readonly Dictionary<string, string> MessageRoles = new(StringComparer.Ordinal)
    {
        ["OpenAI.Chat.SystemChatMessage"] = "system", ["OpenAI.Chat.DeveloperChatMessage"] = "system",
        ["OpenAI.Chat.UserChatMessage"] = "user", ["OpenAI.Chat.AssistantChatMessage"] = "assistant",
        ["CreateSystemMessage"] = "system", ["CreateDeveloperMessage"] = "system",
        ["CreateUserMessage"] = "user", ["CreateAssistantMessage"] = "assistant",
    };

    private readonly HashSet<StatementSyntax> _removed = [];

    // await client.CompleteChatAsync(messages, options, cancellationToken)
    private void PlanCalls()
    {
        foreach (var invocation in _root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CompleteChatAsync" }) continue; // cheap filter
            if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol { Name: "CompleteChatAsync" } method
                || FullName(method.ContainingType) != ChatClientType) continue;
            var line = LineOf(invocation);
            if (invocation.Parent is not AwaitExpressionSyntax || invocation.Expression is not MemberAccessExpressionSyntax member)
            {
                Unsupported.Add((line, "CompleteChatAsync is not awaited directly here: port this call by hand."));
                continue;
            }
            if (model.GetSymbolInfo(member.Expression).Symbol is not { } client || !_modelVariables.TryGetValue(client, out var modelVariable)
                || !member.Expression.ToString().EndsWith(client.Name, StringComparison.Ordinal))
            {
                Unsupported.Add((line, "the ChatClient used here is not created in this file in a field or local, so its model is unknown: port this call by hand."));
                continue;
            }
            if (PlanCall(invocation, member, method, client, modelVariable) is { } reason) Unsupported.Add((line, reason));
        }
        PlanResults();
        RemoveStatements();
    }

    private string? PlanCall(InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax member, IMethodSymbol method, ISymbol client, string modelVariable)
    {
        IReadOnlyList<ExpressionSyntax>? items;
        StatementSyntax? messagesDeclaration = null;
        if (method.Parameters is [{ IsParams: true }])
            items = invocation.ArgumentList.Arguments.Select(a => a.Expression).ToList();
        else
            (items, messagesDeclaration) = Items(Argument(invocation.ArgumentList, method, "messages"), invocation);
        if (items is null) return "the messages passed here are not a list of message literals (or a local used only here): port this call by hand.";

        var messages = items.Select(Message).ToList();
        if (messages.Any(m => m is null)) return "a message here is not a System/User/Assistant message built from one string: port this call by hand.";
        var system = messages.TakeWhile(m => m!.Value.Role == "system").ToList();
        var conversation = messages.Skip(system.Count).ToList();
        if (system.Count > 1 || conversation.Any(m => m!.Value.Role == "system") || conversation.Count == 0)
            return "the system messages here are not a single first message, or there is no user message: port this call by hand.";

        var optionsExpression = Argument(invocation.ArgumentList, method, "options");
        var (assignments, optionsDeclaration) = OptionAssignments(optionsExpression, invocation);
        if (assignments is null) return "the ChatCompletionOptions here are not an object initializer (or a local used only here): port this call by hand.";
        var optionLines = new List<string>();
        var hasMaxTokens = false;
        foreach (var (assignment, comment) in assignments)
        {
            var property = ((IdentifierNameSyntax)assignment.Left).Identifier.ValueText;
            switch (property)
            {
                case "MaxOutputTokenCount":
                    optionLines.Add($"MaxTokens = {assignment.Right},{comment}");
                    hasMaxTokens = true;
                    break;
                case "Temperature" or "TopP":
                    // The Anthropic SDK marks both obsolete; setting them would add warnings (errors in strict builds).
                    Notes.Add((LineOf(assignment), $"{property} = {assignment.Right} was dropped: the Anthropic SDK marks MessageCreateParams.{property} obsolete (models after Claude Opus 4.6 reject other values); set it by hand if the chosen model accepts it."));
                    break;
                default:
                    return $"ChatCompletionOptions.{property} has no Anthropic equivalent this swap maps: port this call by hand.";
            }
        }
        if (!hasMaxTokens)
        {
            optionLines.Add($"MaxTokens = {recipe.DefaultMaxTokens},");
            Notes.Add((LineOf(invocation), $"Anthropic requires MaxTokens: set to {recipe.DefaultMaxTokens}; check it fits the longest expected answer."));
        }

        var indent = Indent(invocation);
        var receiver = member.Expression.ToString();
        var modelAccess = receiver[..^client.Name.Length] + modelVariable;
        var text = new StringBuilder();
        text.Append($"{receiver}.Messages.Create(new MessageCreateParams\n{indent}{{\n");
        text.Append($"{indent}    Model = {modelAccess},\n");
        if (system.Count == 1) text.Append($"{indent}    System = {system[0]!.Value.Content},\n");
        if (conversation.Count == 1)
            text.Append($"{indent}    Messages = [{MessageParam(conversation[0]!.Value)}],\n");
        else
        {
            text.Append($"{indent}    Messages =\n{indent}    [\n");
            foreach (var message in conversation) text.Append($"{indent}        {MessageParam(message!.Value)},\n");
            text.Append($"{indent}    ],\n");
        }
        foreach (var optionLine in optionLines) text.Append($"{indent}    {optionLine}\n");
        text.Append($"{indent}}}");
        if (Argument(invocation.ArgumentList, method, "cancellationToken") is { } token) text.Append($", {token}");
        text.Append(')');

        _changes.Add(new TextChange(invocation.Span, text.ToString()));
        if (messagesDeclaration is not null) _removed.Add(messagesDeclaration);
        if (optionsDeclaration is not null) _removed.Add(optionsDeclaration);
        return null;
    }

    private static string MessageParam((string Role, ExpressionSyntax Content) message) =>
        $"new MessageParam {{ Role = Role.{(message.Role == "user" ? "User" : "Assistant")}, Content = {message.Content} }}";

    private (string Role, ExpressionSyntax Content)? Message(ExpressionSyntax expression)
    {
        string? role = expression switch
        {
            BaseObjectCreationExpressionSyntax { Initializer: null } creation when model.GetTypeInfo(creation).Type is { } type
                => MessageRoles.GetValueOrDefault(FullName(type)),
            InvocationExpressionSyntax invocation when model.GetSymbolInfo(invocation).Symbol is IMethodSymbol { IsStatic: true } method
                && FullName(method.ContainingType) == "OpenAI.Chat.ChatMessage" => MessageRoles.GetValueOrDefault(method.Name),
            _ => null,
        };
        var arguments = expression switch
        {
            BaseObjectCreationExpressionSyntax creation => creation.ArgumentList?.Arguments,
            InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments,
            _ => null,
        };
        if (role is null || arguments is not [var single] || model.GetTypeInfo(single.Expression).Type?.SpecialType != SpecialType.System_String) return null;
        return (role, single.Expression);
    }

    // A list literal, or a local initialized with one and used only at this call.
    private (IReadOnlyList<ExpressionSyntax>? Items, StatementSyntax? Declaration) Items(ExpressionSyntax? expression, SyntaxNode use)
    {
        switch (expression)
        {
            case CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax):
                return (collection.Elements.Cast<ExpressionElementSyntax>().Select(e => e.Expression).ToList(), null);
            case ArrayCreationExpressionSyntax { Initializer: { } initializer }:
                return (initializer.Expressions.ToList(), null);
            case ImplicitArrayCreationExpressionSyntax array:
                return (array.Initializer.Expressions.ToList(), null);
            case BaseObjectCreationExpressionSyntax { Initializer: { } initializer } creation
                when initializer.IsKind(SyntaxKind.CollectionInitializerExpression) && creation.ArgumentList is null or { Arguments.Count: 0 }:
                return (initializer.Expressions.ToList(), null);
            case IdentifierNameSyntax identifier when SingleUseLocal(identifier, use) is { } declaration:
                var value = declaration.Declaration.Variables[0].Initializer!.Value;
                return value is IdentifierNameSyntax ? (null, null) : (Items(value, use).Items, declaration);
            default:
                return (null, null);
        }
    }

    // new ChatCompletionOptions { A = x, B = y }, inline or in a local used only here; null options means none.
    private (IReadOnlyList<(AssignmentExpressionSyntax, string Comment)>? Assignments, StatementSyntax? Declaration) OptionAssignments(ExpressionSyntax? expression, SyntaxNode use)
    {
        switch (expression)
        {
            case null:
            case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression }:
                return ([], null);
            case BaseObjectCreationExpressionSyntax creation when creation.ArgumentList is null or { Arguments.Count: 0 }:
                if (creation.Initializer is null) return ([], null);
                if (!creation.Initializer.IsKind(SyntaxKind.ObjectInitializerExpression)
                    || creation.Initializer.Expressions.Any(e => e is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax })) return (null, null);
                var expressions = creation.Initializer.Expressions;
                var separators = expressions.GetSeparators().ToList();
                return (expressions.Select((e, i) => ((AssignmentExpressionSyntax)e, Comment(e.GetTrailingTrivia().Concat(i < separators.Count ? separators[i].TrailingTrivia : default)))).ToList(), null);
            case IdentifierNameSyntax identifier when SingleUseLocal(identifier, use) is { } declaration:
                var value = declaration.Declaration.Variables[0].Initializer!.Value;
                return value is IdentifierNameSyntax ? (null, null) : (OptionAssignments(value, use).Assignments, declaration);
            default:
                return (null, null);
        }
    }

    private static string Comment(IEnumerable<SyntaxTrivia> trivia)
    {
        var comment = trivia.FirstOrDefault(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia));
        return comment == default ? "" : " " + comment.ToString();
    }

    private LocalDeclarationStatementSyntax? SingleUseLocal(IdentifierNameSyntax identifier, SyntaxNode use)
    {
        if (model.GetSymbolInfo(identifier).Symbol is not ILocalSymbol local) return null;
        if (local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not VariableDeclaratorSyntax { Initializer: not null, Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax declaration } }) return null;
        var body = use.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax);
        if (body is null || !body.Contains(declaration)) return null;
        var uses = body.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Count(i => i.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i).Symbol, local));
        return uses == 1 ? declaration : null;
    }

    // completion.Content[0].Text and result.Value
    private void PlanResults()
    {
        var (block, text) = (FreeName("contentBlock"), FreeName("textBlock"));
        foreach (var access in _root.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
        {
            if (access.Name.Identifier.ValueText != "Text" || access.Expression is not ElementAccessExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Content" } content,
                    ArgumentList.Arguments: [{ Expression: LiteralExpressionSyntax { Token.ValueText: "0" } }],
                }) continue;
            var completion = content.Expression;
            if (model.GetTypeInfo(completion).Type is not { } type || FullName(type) != CompletionType) continue;
            var completionText = Unwrapped(completion);
            if (completionText is null) continue;
            _changes.Add(new TextChange(access.Span, $"string.Concat({completionText}.Content.Select({block} => {block}.TryPickText(out var {text}) ? {text}.Text : \"\"))"));
            _linqPosition ??= access.SpanStart;
        }
        foreach (var access in _root.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
        {
            if (access.Name.Identifier.ValueText != "Value" || IsChanged(access.Span)) continue;
            if (model.GetTypeInfo(access.Expression).Type is INamedTypeSymbol { Name: "ClientResult", TypeArguments: [var result] } && FullName(result) == CompletionType
                && access.Expression is IdentifierNameSyntax)
                _changes.Add(new TextChange(access.Span, access.Expression.ToString()));
        }
    }

    // x -> "x"; x.Value (ClientResult<ChatCompletion>) -> "x"; anything else is not rewritten.
    private string? Unwrapped(ExpressionSyntax completion) => completion switch
    {
        IdentifierNameSyntax identifier => identifier.ToString(),
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value", Expression: IdentifierNameSyntax inner } => inner.ToString(),
        _ => null,
    };

    private string FreeName(string name)
    {
        var text = _root.ToFullString();
        var candidate = name;
        for (var i = 2; text.Contains(candidate, StringComparison.Ordinal); i++) candidate = name + i;
        return candidate;
    }

    // Removes the declarations that moved into a call; blank lines they leave at the top of a block go too.
    private void RemoveStatements()
    {
        foreach (var statement in _removed)
        {
            var span = LineSpan(statement);
            if (statement.Parent is BlockSyntax block)
            {
                var index = block.Statements.IndexOf(statement);
                var next = index + 1 < block.Statements.Count ? block.Statements[index + 1] : null;
                if (next is not null && !_removed.Contains(next) && block.Statements.Take(index).All(_removed.Contains))
                {
                    var end = span.End;
                    foreach (var trivia in next.GetLeadingTrivia())
                    {
                        if (trivia.IsKind(SyntaxKind.EndOfLineTrivia)) end = trivia.FullSpan.End;
                        else if (!trivia.IsKind(SyntaxKind.WhitespaceTrivia)) break;
                    }
                    span = TextSpan.FromBounds(span.Start, end);
                }
            }
            _changes.Add(new TextChange(span, ""));
        }
    }
}
