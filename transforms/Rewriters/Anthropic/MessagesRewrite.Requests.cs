using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Toolkit.Transforms.Rewriters.Anthropic;

internal sealed partial class MessagesRewrite
{
    private static readonly string[] MessageServices = ["Anthropic.Services.IMessageService", "Anthropic.Services.MessageService"];

    // client.Messages.Create(new MessageCreateParams { Model, MaxTokens, System, Messages, ... }[, ct])
    //   -> client.GetResponseAsync([system, ..messages], new ChatOptions { ModelId, MaxOutputTokens, ... }[, ct]);
    // CreateStreaming -> GetStreamingResponseAsync. The parameters inline, or in a local declared just before the call.
    private void PlanCalls()
    {
        foreach (var invocation in _root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Create" or "CreateStreaming", Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Messages" } service } access) continue;
            if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol { IsExtensionMethod: false, ReducedFrom: null } method || !MessageServices.Contains(FullName(method.ContainingType))) continue;
            if (!IsType(service.Expression, ClientType, "Anthropic.IAnthropicClient")) continue; // client.Messages of another service: coverage reports it
            var arguments = invocation.ArgumentList.Arguments;
            if (arguments.Count is 0 or > 2 || arguments.Any(a => a.NameColon is { Name.Identifier.ValueText: not ("parameters" or "cancellationToken") }))
            {
                Unsupported.Add((LineOf(invocation), $"`{Describe(invocation)}` passes arguments the swap does not map: port it by hand."));
                Accept(invocation);
                continue;
            }
            var parameters = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText != "cancellationToken")?.Expression;
            var token = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "cancellationToken" || (a.NameColon is null && arguments.IndexOf(a) == 1))?.Expression;
            var name = method.Name == "Create" ? "GetResponseAsync" : "GetStreamingResponseAsync";
            switch (parameters)
            {
                case BaseObjectCreationExpressionSyntax creation when IsType(creation, Messages + "MessageCreateParams"):
                    if (Request(creation) is not { } inline)
                    {
                        Accept(invocation);
                        continue;
                    }
                    Replace(invocation, () => $"{RenderNode(service.Expression)}.{name}({inline.Messages()}, {inline.Options()}{(token is null ? "" : ", " + RenderNode(token))})",
                        [service.Expression, .. inline.Kept, .. token is null ? Array.Empty<SyntaxNode>() : [token]]);
                    break;
                case IdentifierNameSyntax local when model.GetSymbolInfo(local).Symbol is ILocalSymbol symbol && DeclaredJustBefore(symbol, invocation) is { } declaration:
                    if (Request((BaseObjectCreationExpressionSyntax)declaration.Variables[0].Initializer!.Value) is not { } request)
                    {
                        Accept(invocation);
                        Accept(declaration);
                        continue;
                    }
                    Replace(declaration, () => $"var {symbol.Name} = {request.Options()}", request.Kept);
                    Replace(invocation, () => $"{RenderNode(service.Expression)}.{name}({request.Messages()}, {symbol.Name}{(token is null ? "" : ", " + RenderNode(token))})",
                        [service.Expression, local, .. token is null ? Array.Empty<SyntaxNode>() : [token]]);
                    break;
                default:
                    Unsupported.Add((LineOf(invocation), $"`{Describe(invocation)}` takes MessageCreateParams built elsewhere: build them inline or in a local of the same block before the call (the swap turns them into messages and ChatOptions), or port it by hand."));
                    Accept(invocation);
                    break;
            }
        }
    }

    // var parameters = new MessageCreateParams { ... }; in the call's block before it, used by that call only, and nothing in
    // between touches what the parameters read (they are built where the call is now).
    private VariableDeclarationSyntax? DeclaredJustBefore(ILocalSymbol local, InvocationExpressionSyntax call)
    {
        if (local.DeclaringSyntaxReferences is not [var reference] || reference.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: BaseObjectCreationExpressionSyntax creation } declarator
            || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } declaration || declaration.Parent is not LocalDeclarationStatementSyntax statement
            || !IsType(creation, Messages + "MessageCreateParams")) return null;
        var callStatement = call.Ancestors().OfType<StatementSyntax>().FirstOrDefault(s => s.Parent == statement.Parent);
        if (statement.Parent is not BlockSyntax block || callStatement is null || block.Statements.IndexOf(callStatement) <= block.Statements.IndexOf(statement)) return null;
        var read = creation.DescendantNodes().OfType<IdentifierNameSyntax>().Select(i => model.GetSymbolInfo(i).Symbol)
            .Where(s => s is ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol { ContainingType.SpecialType: SpecialType.None } && !IsAnthropic(s)).ToHashSet(SymbolEqualityComparer.Default);
        var between = block.Statements.Skip(block.Statements.IndexOf(statement) + 1).Take(block.Statements.IndexOf(callStatement) - block.Statements.IndexOf(statement) - 1);
        if (between.SelectMany(s => s.DescendantNodes().OfType<IdentifierNameSyntax>()).Any(i => model.GetSymbolInfo(i).Symbol is { } s && read.Contains(s))) return null;
        var uses = block.DescendantNodes().OfType<IdentifierNameSyntax>().Count(i => i.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i).Symbol, local));
        return uses == 1 ? declaration : null;
    }

    /// <summary>A request's messages and options, rendered once the edits inside them are known.</summary>
    private sealed record PlannedRequest(Func<string> Messages, Func<string> Options, SyntaxNode[] Kept);

    private PlannedRequest? Request(BaseObjectCreationExpressionSyntax creation)
    {
        if (creation.ArgumentList is { Arguments.Count: > 0 } || creation.Initializer is null)
        {
            Unsupported.Add((LineOf(creation), $"`{Describe(creation)}` copies or builds MessageCreateParams from raw data: port it by hand."));
            return null;
        }
        var options = new List<Func<string>>();
        var kept = new List<SyntaxNode>();
        var system = new List<ExpressionSyntax>();
        ExpressionSyntax? messages = null;
        var ok = true;
        foreach (var expression in creation.Initializer.Expressions)
        {
            if (expression is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax property, Right: var value })
            {
                Unsupported.Add((LineOf(expression), $"`{expression}` in MessageCreateParams is not a property assignment the swap maps: port it by hand."));
                ok = false;
                continue;
            }
            var valueType = model.GetTypeInfo(value).Type;
            switch (property.Identifier.ValueText)
            {
                case "Model" when model.GetSymbolInfo(value).Symbol is IFieldSymbol { ContainingType: var enumType } constant && FullName(enumType) == Messages + "Model":
                    if (ModelId(constant.Name) is not { } id)
                    {
                        Unsupported.Add((LineOf(value), $"`{value}` is a model constant the swap cannot spell as a model id: set the model by hand."));
                        ok = false;
                        break;
                    }
                    options.Add(() => $"ModelId = {SyntaxFactory.Literal(MapModel(id, value)).Text}");
                    break;
                case "Model" when valueType?.SpecialType == SpecialType.System_String:
                    kept.Add(value);
                    if (model.GetConstantValue(value) is not { HasValue: true })
                        Notes.Add((LineOf(value), $"the request's model comes from `{Shorten(value)}`, which the swap cannot read: it must now name {ProviderName} model (Claude ids are mapped only where the request or the Anthropic configuration section writes them)."));
                    options.Add(() => $"ModelId = {MapModels(value)}");
                    break;
                case "MaxTokens":
                    kept.Add(value);
                    options.Add(() => $"MaxOutputTokens = {Cast(value, "int", SpecialType.System_Int32)}");
                    break;
                case "Temperature" or "TopP":
                    kept.Add(value);
                    options.Add(() => $"{property.Identifier.ValueText} = {Float(value)}");
                    break;
                case "TopK":
                    kept.Add(value);
                    options.Add(() => $"TopK = {Cast(value, Nullable(value) ? "int?" : "int", SpecialType.System_Int32)}");
                    break;
                case "StopSequences":
                    kept.Add(value);
                    options.Add(() => $"StopSequences = {(value is CollectionExpressionSyntax ? RenderNode(value) : $"[.. {RenderNode(value)}]")}");
                    break;
                case "System" when valueType?.SpecialType == SpecialType.System_String:
                    kept.Add(value);
                    system.Add(value);
                    break;
                case "System" when SystemBlocks(value) is { } texts:
                    kept.AddRange(texts);
                    system.AddRange(texts);
                    break;
                case "Messages":
                    kept.Add(value);
                    messages = value;
                    break;
                default:
                    Unsupported.Add((LineOf(expression), $"`{property.Identifier.ValueText} = {Shorten(value)}` (MessageCreateParams.{property.Identifier.ValueText}) has no mapping in this swap: port the request by hand."));
                    ok = false;
                    break;
            }
        }
        if (messages is null)
        {
            Unsupported.Add((LineOf(creation), "the request sets no Messages where the swap can see them: port it by hand."));
            ok = false;
        }
        if (!ok) return null;
        string RenderMessages()
        {
            var head = system.Select(s => $"new ChatMessage(ChatRole.System, {RenderNode(s)})").ToList();
            if (messages is CollectionExpressionSyntax collection)
                return "[" + string.Join(", ", head.Concat(collection.Elements.Select(e => RenderNode(e)))) + "]";
            // new List<MessageParam> { a, b }: the same items as a collection expression.
            if (messages is BaseObjectCreationExpressionSyntax { ArgumentList: null or { Arguments.Count: 0 }, Initializer: { } items } && items.IsKind(SyntaxKind.CollectionInitializerExpression)
                && items.Expressions.All(e => e is not InitializerExpressionSyntax))
                return "[" + string.Join(", ", head.Concat(items.Expressions.Select(e => RenderNode(e)))) + "]";
            return head.Count == 0 ? RenderNode(messages!) : "[" + string.Join(", ", head) + $", .. {RenderNode(messages!)}]";
        }
        return new PlannedRequest(RenderMessages, () => $"new ChatOptions {{ {string.Join(", ", options.Select(o => o()))} }}", [.. kept]);
    }

    // System = new List<TextBlockParam> { new() { Text = a } } or [new TextBlockParam { Text = a }]: the texts, one system message each.
    private List<ExpressionSyntax>? SystemBlocks(ExpressionSyntax value)
    {
        IEnumerable<ExpressionSyntax>? items = value switch
        {
            CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax) => collection.Elements.Cast<ExpressionElementSyntax>().Select(e => e.Expression),
            BaseObjectCreationExpressionSyntax { Initializer: { } init, ArgumentList: null or { Arguments.Count: 0 } } when init.IsKind(SyntaxKind.CollectionInitializerExpression) => init.Expressions,
            _ => null,
        };
        if (items is null) return null;
        var texts = new List<ExpressionSyntax>();
        foreach (var item in items)
        {
            if (item is not BaseObjectCreationExpressionSyntax { Initializer.Expressions: [AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Text" }, Right: var text }] } block
                || !IsType(block, Messages + "TextBlockParam") || model.GetTypeInfo(text).Type?.SpecialType != SpecialType.System_String) return null;
            texts.Add(text);
        }
        return texts.Count == 0 ? null : texts;
    }

    // new MessageParam { Role = Role.User, Content = text } (12.x), new UserMessageParam { Content = text } (13.x) -> new ChatMessage(ChatRole.User, text).
    private void PlanMessageItems()
    {
        foreach (var creation in _root.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
        {
            if (model.GetTypeInfo(creation).Type is not { } type || FullName(type) is not (Messages + "MessageParam" or Messages + "UserMessageParam" or Messages + "AssistantMessageParam") || type is not INamedTypeSymbol named) continue;
            string? role = named.Name switch { "UserMessageParam" => "User", "AssistantMessageParam" => "Assistant", _ => null };
            ExpressionSyntax? content = creation.ArgumentList?.Arguments is [var only] ? only.Expression : null;
            ExpressionSyntax? roleText = null;
            var ok = creation.ArgumentList is null or { Arguments.Count: 0 } || content is not null;
            foreach (var setting in creation.Initializer?.Expressions ?? default)
            {
                switch (setting)
                {
                    case AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Content" }, Right: var value }: content = value; break;
                    case AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Role" }, Right: var value }
                        when model.GetSymbolInfo(value).Symbol is IFieldSymbol { Name: "User" or "Assistant" } field && FullName(field.ContainingType) == Messages + "Role":
                        role = field.Name;
                        break;
                    // Role = "user" or a string variable: the wire values are the same ("user", "assistant").
                    case AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Role" }, Right: var value } when model.GetTypeInfo(value).Type?.SpecialType == SpecialType.System_String:
                        role = model.GetConstantValue(value) is { HasValue: true, Value: "user" or "assistant" } constant
                            ? ((string)constant.Value!) switch { "user" => "User", _ => "Assistant" }
                            : null;
                        roleText = role is null ? value : null;
                        role ??= "";
                        break;
                    default: ok = false; break;
                }
            }
            if (!ok || role is null || content is null || model.GetTypeInfo(content).Type?.SpecialType != SpecialType.System_String)
            {
                Unsupported.Add((LineOf(creation), $"`{Describe(creation)}` is a message the swap does not map (only a user or assistant role with text content): port it by hand."));
                continue;
            }
            if (roleText is not null)
                Replace(creation, () => $"new ChatMessage(new ChatRole({RenderNode(roleText)}), {RenderNode(content)})", content, roleText);
            else Replace(creation, () => $"new ChatMessage(ChatRole.{role}, {RenderNode(content)})", content);
        }
    }

    private string MapModels(ExpressionSyntax value)
    {
        var text = RenderNode(value);
        foreach (var literal in value.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)).OrderByDescending(l => l.SpanStart))
        {
            var start = literal.SpanStart - value.SpanStart;
            text = text[..start] + SyntaxFactory.Literal(MapModel(literal.Token.ValueText, literal)).Text + text[(start + literal.Span.Length)..];
        }
        return text;
    }

    private string MapModel(string id, SyntaxNode at)
    {
        if (Recipes.ModelIds.Map(recipe.Models, id) is { } mapping)
        {
            if (mapping.DatedNote is { } dated) Notes.Add((LineOf(at), dated));
            return mapping.To;
        }
        Notes.Add((LineOf(at), $"'{id}' is not a Claude model id the swap knows" +
            (Recipes.ModelIds.Family(id) is { } family ? $" (a dated snapshot of {family}, which this swap does not map either)" : "") + $", so it was kept: set a {recipe.To.Id} model id here."));
        return id;
    }

    // MaxTokens is a long: an int expression stays as it is, anything else is cast.
    private string Cast(ExpressionSyntax value, string type, SpecialType already)
    {
        var text = RenderNode(value);
        if (model.GetTypeInfo(value).Type?.SpecialType == already || value is LiteralExpressionSyntax) return text;
        return value is IdentifierNameSyntax or MemberAccessExpressionSyntax ? $"({type}){text}" : $"({type})({text})";
    }

    private bool Nullable(ExpressionSyntax value) => model.GetTypeInfo(value).Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };

    // Temperature and TopP are doubles in the Anthropic SDK and floats in ChatOptions.
    private string Float(ExpressionSyntax value)
    {
        if (value is LiteralExpressionSyntax { Token.Value: double or int or float } literal)
            return Convert.ToDouble(literal.Token.Value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture) + "f";
        var text = RenderNode(value);
        var type = Nullable(value) ? "float?" : "float";
        return value is IdentifierNameSyntax or MemberAccessExpressionSyntax ? $"({type}){text}" : $"({type})({text})";
    }

    private static string Shorten(SyntaxNode node)
    {
        var text = node.ToString().ReplaceLineEndings(" ");
        return text.Length > 40 ? text[..37] + "..." : text;
    }
}
