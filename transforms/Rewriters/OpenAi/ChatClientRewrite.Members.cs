using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Toolkit.Transforms.Rewriters.OpenAi;

internal sealed partial class ChatClientRewrite
{
    // OpenAI chat type -> Microsoft.Extensions.AI type (by simple name; the usings bring the namespace).
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["OpenAI.Chat.ChatClient"] = "IChatClient",
        ["OpenAI.Chat.ChatMessage"] = "ChatMessage",
        ["OpenAI.Chat.SystemChatMessage"] = "ChatMessage", ["OpenAI.Chat.UserChatMessage"] = "ChatMessage",
        ["OpenAI.Chat.AssistantChatMessage"] = "ChatMessage", ["OpenAI.Chat.DeveloperChatMessage"] = "ChatMessage",
        ["OpenAI.Chat.ToolChatMessage"] = "ChatMessage",
        ["OpenAI.Chat.ChatCompletion"] = "ChatResponse",
        ["OpenAI.Chat.ChatCompletionOptions"] = "ChatOptions",
        ["OpenAI.Chat.StreamingChatCompletionUpdate"] = "ChatResponseUpdate",
        ["OpenAI.Chat.ChatMessageContentPart"] = "AIContent",
        ["OpenAI.Chat.ChatTool"] = "AITool",
        ["OpenAI.Chat.ChatToolCall"] = "FunctionCallContent",
        ["OpenAI.Chat.ChatFinishReason"] = "ChatFinishReason",
        ["OpenAI.Chat.ChatMessageRole"] = "ChatRole",
        ["OpenAI.Chat.ChatResponseFormat"] = "ChatResponseFormat",
        ["OpenAI.Chat.ChatToolChoice"] = "ChatToolMode",
    };

    // Option properties: same meaning, maybe another name.
    private static readonly Dictionary<string, string> OptionProperties = new(StringComparer.Ordinal)
    {
        ["MaxOutputTokenCount"] = "MaxOutputTokens", ["Temperature"] = "Temperature", ["TopP"] = "TopP",
        ["FrequencyPenalty"] = "FrequencyPenalty", ["PresencePenalty"] = "PresencePenalty", ["Seed"] = "Seed",
        ["StopSequences"] = "StopSequences", ["Tools"] = "Tools", ["ToolChoice"] = "ToolMode", ["ResponseFormat"] = "ResponseFormat",
        ["AllowParallelToolCalls"] = "AllowMultipleToolCalls",
    };

    private static readonly HashSet<string> FinishReasons = ["Stop", "Length", "ToolCalls", "ContentFilter"];

    private void PlanMembers()
    {
        foreach (var name in _root.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            var text = name.Identifier.ValueText;
            if (!OptionProperties.ContainsKey(text) && text is not ("Content" or "ContentUpdate" or "Value" or "Usage" or "FinishReason" or "Model" or "Id"
                or "ToolCalls" or "FunctionName" or "FunctionArguments" or "Text" or "CompletionId")) continue; // cheap filter
            if (model.GetSymbolInfo(name).Symbol is not IPropertySymbol property || !IsOpenAiSymbol(property)) continue;
            var owner = FullName(property.ContainingType);
            var access = name.Parent as MemberAccessExpressionSyntax;
            if (access is not null && access.Name != name) continue;
            switch (owner, text)
            {
                case ("OpenAI.Chat.ChatCompletionOptions", _) when OptionProperties.TryGetValue(text, out var renamed):
                    PlanOption(name, access, renamed);
                    // Seen on the wire (tests/.../Behaviour): the request Anthropic 13.14.0's IChatClient sends has no temperature.
                    if (text == "Temperature" && recipe.Provider == ChatProvider.Anthropic)
                        Notes.Add((LineOf(name), "the Anthropic SDK's IChatClient (Anthropic 13.14.0) does not send ChatOptions.Temperature: requests go out at Anthropic's default temperature; set it on the Anthropic request by hand if the answers depend on it."));
                    break;
                case ("System.ClientModel.ClientResult", "Value") when access is not null && property.ContainingType is { TypeArguments: [var result] } && FullName(result) == "OpenAI.Chat.ChatCompletion":
                    Replace(access, access.Expression, e => e); // ChatResponse is returned directly
                    break;
                case ("OpenAI.Chat.ChatCompletion" or "OpenAI.Chat.StreamingChatCompletionUpdate" or "OpenAI.Chat.ChatMessage", "Content" or "ContentUpdate") when access is not null:
                    PlanContent(access, owner);
                    break;
                case ("OpenAI.Chat.ChatCompletion", "Usage") when access is not null:
                    if (access.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "InputTokenCount" or "OutputTokenCount" or "TotalTokenCount" } count && count.Expression == access)
                        Replace(count, access.Expression, e => $"(int)({e}.Usage?.{count.Name} ?? 0)");
                    else if (IsComparedWithNull(access)) Accept(access.Name); // ChatResponse.Usage is there too, and nullable
                    break;
                case ("OpenAI.Chat.StreamingChatCompletionUpdate", "Usage") when access is not null:
                    // A streamed update carries its usage as a UsageContent (the last update, as with OpenAI).
                    _needsLinq = true;
                    if (access.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "InputTokenCount" or "OutputTokenCount" or "TotalTokenCount" } updateCount && updateCount.Expression == access)
                        Replace(updateCount, access.Expression, e => $"(int)({e}.Contents.OfType<UsageContent>().FirstOrDefault()?.Details.{updateCount.Name} ?? 0)");
                    else if (IsComparedWithNull(access))
                        Replace(access, access.Expression, e => $"{e}.Contents.OfType<UsageContent>().FirstOrDefault()");
                    break;
                case ("OpenAI.Chat.ChatCompletion" or "OpenAI.Chat.StreamingChatCompletionUpdate", "FinishReason") when access is not null:
                    if (IsComparedWithKnownReason(access) || IsComparedWithNull(access)) Accept(access.Name);
                    else if (access.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString", Parent: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } } reasonText && reasonText.Expression == access)
                    {
                        Accept(access.Name);
                        Notes.Add((LineOf(access), "the finish reason now reads in lower case (stop, length, tool_calls, content_filter), as Microsoft.Extensions.AI names it."));
                    }
                    break;
                case ("OpenAI.Chat.ChatCompletion" or "OpenAI.Chat.StreamingChatCompletionUpdate", "Model") when access is not null:
                    Replace(access.Name, "ModelId");
                    break;
                case ("OpenAI.Chat.ChatCompletion", "Id") or ("OpenAI.Chat.StreamingChatCompletionUpdate", "CompletionId") when access is not null:
                    Replace(access.Name, "ResponseId");
                    break;
                case ("OpenAI.Chat.ChatCompletion", "ToolCalls") when access is not null:
                    _needsLinq = true;
                    Replace(access, access.Expression, e => $"{e}.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList()");
                    break;
                case ("OpenAI.Chat.ChatToolCall", "FunctionName") when access is not null:
                    Replace(access.Name, "Name");
                    break;
                case ("OpenAI.Chat.ChatToolCall", "Id") when access is not null:
                    Replace(access.Name, "CallId");
                    break;
                // call.FunctionArguments.ToString(), the usual read, needs no BinaryData (it leaves with the OpenAI package).
                case ("OpenAI.Chat.ChatToolCall", "FunctionArguments") when access is { Parent: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString", Parent: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } toString } }:
                    Replace(toString, access.Expression, e => $"System.Text.Json.JsonSerializer.Serialize({e}.Arguments)");
                    break;
                case ("OpenAI.Chat.ChatToolCall", "FunctionArguments") when access is not null:
                    Replace(access, access.Expression, e => $"BinaryData.FromObjectAsJson({e}.Arguments)");
                    break;
                case ("OpenAI.Chat.ChatMessageContentPart", "Text") when access is not null:
                    // A part of a rewritten Content list is a TextContent; any other part is an AIContent, whose
                    // text is there only when it is a TextContent (an image part's Text was null too).
                    if (IsTextPart(access.Expression)) Accept(access.Name);
                    else Replace(access, access.Expression, e => $"({e} as TextContent)?.Text");
                    break;
            }
        }
        foreach (var access in _root.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
        {
            if (access.Expression is not IdentifierNameSyntax { Identifier.ValueText: "ChatFinishReason" } || !FinishReasons.Contains(access.Name.Identifier.ValueText)) continue;
            if (model.GetSymbolInfo(access).Symbol is IFieldSymbol field && FullName(field.ContainingType) == "OpenAI.Chat.ChatFinishReason"
                && access.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression or (int)SyntaxKind.NotEqualsExpression })
                Accept(access.Name);
        }
    }

    // completion.FinishReason == ChatFinishReason.Stop works on the Microsoft.Extensions.AI struct too; a switch does not.
    private static bool IsComparedWithKnownReason(MemberAccessExpressionSyntax access) =>
        access.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression or (int)SyntaxKind.NotEqualsExpression } binary
        && (binary.Left == access ? binary.Right : binary.Left) is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "ChatFinishReason" } } other
        && FinishReasons.Contains(other.Name.Identifier.ValueText);

    private static bool IsComparedWithNull(ExpressionSyntax access) => access.Parent switch
    {
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression or (int)SyntaxKind.NotEqualsExpression } binary =>
            (binary.Left == access ? binary.Right : binary.Left) is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression },
        IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } or UnaryPatternSyntax { Pattern: ConstantPatternSyntax { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } } } => true,
        _ => false,
    };

    // Content[0].Text -> Text; Content.ToString() -> Text; otherwise the text contents as a list.
    private void PlanContent(MemberAccessExpressionSyntax access, string owner)
    {
        var receiver = access.Expression;
        if (access.Parent is ElementAccessExpressionSyntax { ArgumentList.Arguments: [{ Expression: LiteralExpressionSyntax { Token.ValueText: "0" } }] } element
            && element.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Text" } text && text.Expression == element)
        {
            Replace(text, receiver, r => $"{r}.Text");
            return;
        }
        if (access.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString", Parent: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } call } toString
            && toString.Expression == access)
        {
            Replace(call, receiver, r => $"{r}.Text");
            return;
        }
        // Content.First().Text, Content.FirstOrDefault()?.Text: the text of the (only) text part.
        if (access.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "First" or "FirstOrDefault" or "Single" or "SingleOrDefault", Parent: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } first } linq
            && linq.Expression == access)
        {
            if (first.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Text" } firstText && firstText.Expression == first)
            {
                Replace(firstText, receiver, r => $"{r}.Text");
                return;
            }
            if (first.Parent is ConditionalAccessExpressionSyntax { WhenNotNull: MemberBindingExpressionSyntax { Name.Identifier.ValueText: "Text" } } conditional && conditional.Expression == first)
            {
                Replace(conditional, receiver, r => $"{r}.Text");
                return;
            }
        }
        _needsLinq = true;
        Replace(access, receiver, owner == "OpenAI.Chat.ChatCompletion"
            ? r => $"{r}.Messages.SelectMany(m => m.Contents).OfType<TextContent>().ToList()"
            : r => $"{r}.Contents.OfType<TextContent>().ToList()");
    }

    // part.Text where part comes from a Content list rewritten to TextContent (an element or a foreach variable).
    private bool IsTextPart(ExpressionSyntax expression)
    {
        if (expression is ElementAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Content" or "ContentUpdate" } }) return true;
        var symbol = model.GetSymbolInfo(expression).Symbol;
        // Content.Select(c => c.Text), ContentUpdate.Where(p => p.Kind == ...): the lambda's parameter is a part of a rewritten list.
        if (symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } } parameter
            && parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is ParameterSyntax { Parent: var lambdaOrList }
            && (lambdaOrList as LambdaExpressionSyntax ?? lambdaOrList?.Parent as LambdaExpressionSyntax) is { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Content" or "ContentUpdate" } } } } } })
            return true;
        if (symbol is not ILocalSymbol local) return false;
        return local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is ForEachStatementSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Content" or "ContentUpdate" } };
    }

    private void PlanOption(IdentifierNameSyntax name, MemberAccessExpressionSyntax? access, string renamed)
    {
        var target = (SyntaxNode?)access ?? name;
        // StopSequences = { "a" } and Tools = { t } add to lists the ChatOptions leaves null: a collection expression.
        if (target.Parent is AssignmentExpressionSyntax { Right: InitializerExpressionSyntax { RawKind: (int)SyntaxKind.CollectionInitializerExpression } items } assignment && assignment.Left == target)
        {
            Replace(assignment, items.Expressions.Select(e => (SyntaxNode)e).ToList(), k => $"{renamed} = [{string.Join(", ", k)}]");
            return;
        }
        // options.StopSequences.Add(x) on a list that may be null.
        if (access is not null && renamed is "StopSequences" or "Tools" && access.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax } call && call.Expression == access)
        {
            Replace(access, access.Expression, e => $"({e}.{renamed} ??= [])");
            return;
        }
        Replace(name, renamed);
    }

    // catch (ClientResultException e) when (e.Status == 429): the target provider's exception and status.
    private void PlanErrors()
    {
        foreach (var clause in _root.DescendantNodes().OfType<CatchClauseSyntax>())
        {
            if (clause.Declaration is not { } declaration || !declaration.Type.ToString().EndsWith("ClientResultException", StringComparison.Ordinal)) continue;
            if (TypeOf(declaration.Type) is not { } type || FullName(type) != "System.ClientModel.ClientResultException") continue;
            if (clause.Parent is not TryStatementSyntax { Block: var block } || !block.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(IsChatCall)) continue;
            Replace(declaration.Type, recipe.Provider.ExceptionType);
            if (model.GetDeclaredSymbol(declaration) is not { } exception) continue;
            foreach (var use in clause.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
            {
                if (use.Expression is not IdentifierNameSyntax variable || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(variable).Symbol, exception)) continue;
                if (use.Name.Identifier.ValueText == "Status")
                    Replace(use, use.Expression, e => use.Parent is MemberAccessExpressionSyntax or ElementAccessExpressionSyntax ? $"({recipe.Provider.Status(e)})" : recipe.Provider.Status(e));
                else if (model.GetSymbolInfo(use).Symbol is { } member && IsOpenAiSymbol(member))
                    Unsupported.Add((LineOf(use), $"`{Describe(use)}` reads an OpenAI error detail with no {recipe.Provider.Id} counterpart: port it by hand."));
            }
        }
    }

    private bool IsChatCall(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } && name.StartsWith("CompleteChat", StringComparison.Ordinal)
        && model.GetSymbolInfo(invocation).Symbol is IMethodSymbol method && FullName(method.ContainingType) == ChatClientType;

    // Type names: ChatClient -> IChatClient, ClientResult<ChatCompletion> -> ChatResponse, and so on.
    private void PlanTypes()
    {
        foreach (var name in _root.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            var text = name.Identifier.ValueText;
            if (name.IsVar || !(text.Contains("Chat", StringComparison.Ordinal) || text is "ClientResult" or "AsyncCollectionResult" or "CollectionResult")) continue; // cheap filter
            if (name.Ancestors().Any(a => a is UsingDirectiveSyntax) || IsConsumed(name)) continue;
            if (model.GetSymbolInfo(name).Symbol is not INamedTypeSymbol type) continue;
            var full = FullName(type);
            var node = name.Parent is QualifiedNameSyntax qualified && qualified.Right == name ? (SyntaxNode)qualified : name;
            if (PlanBridgedType(name, node, type)) continue;
            if (text is "ClientResult" or "AsyncCollectionResult" or "CollectionResult" && name is GenericNameSyntax { TypeArgumentList.Arguments: [var argument] }
                && TypeOf(argument) is { } inner && FullName(inner) is var innerName)
            {
                if (text == "ClientResult" && innerName == "OpenAI.Chat.ChatCompletion") Replace(node, "ChatResponse");
                else if (text == "AsyncCollectionResult" && innerName == "OpenAI.Chat.StreamingChatCompletionUpdate") Replace(node, "IAsyncEnumerable<ChatResponseUpdate>");
                else if (text == "CollectionResult" && innerName == "OpenAI.Chat.StreamingChatCompletionUpdate") Replace(node, "IEnumerable<ChatResponseUpdate>");
                continue;
            }
            if (!Types.TryGetValue(full, out var mapped)) continue;
            if (mapped == "ChatResponse" && node.Ancestors().OfType<MethodDeclarationSyntax>().FirstOrDefault() is { } method && method.ReturnType.Span.Contains(node.Span)
                && method.Modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword)))
                Notes.Add((LineOf(node), $"`{method.Identifier}` returns a ChatResponse instead of a ChatCompletion: callers, and any JSON it is serialized to, see the new shape."));
            // A part read from a rewritten Content list is a TextContent.
            if (full == "OpenAI.Chat.ChatMessageContentPart" && node.Parent is ForEachStatementSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Content" or "ContentUpdate" } } loop && loop.Type == node)
                mapped = "TextContent";
            if (name.Parent is MemberAccessExpressionSyntax { Expression: var receiver } && receiver == name && mapped == "IChatClient") continue; // static member of ChatClient: coverage
            Replace(node, mapped);
        }
    }
}
