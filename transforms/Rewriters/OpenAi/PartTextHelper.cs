using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Toolkit.Transforms.Rewriters.OpenAi;

/// <summary>
/// Recognizes, from its source, a helper whose whole meaning is "the text of these message parts, joined":
/// <c>string GetResult(this IEnumerable&lt;ChatMessageContentPart&gt; parts)</c> written as a
/// <c>StringBuilder</c> loop appending each part's <c>Text</c>, or as <c>string.Join("", parts.Select(p =&gt; p.Text))</c>
/// / <c>string.Concat(...)</c>. That is what Microsoft.Extensions.AI's <c>ChatResponse.Text</c> (and
/// <c>ChatMessage.Text</c>, <c>ChatResponseUpdate.Text</c>) return, so a call to it can read that instead.
/// Anything else in the body (a separator, a filter, logging) is not recognized.
/// </summary>
internal static class PartTextHelper
{
    private const string PartType = "OpenAI.Chat.ChatMessageContentPart";

    /// <summary>True when <paramref name="method"/> (declared in source that <paramref name="model"/> binds) only joins the parts' text.</summary>
    public static bool JoinsText(IMethodSymbol method, SemanticModel model)
    {
        if (method is not { Parameters: [var parameter], ReturnType.SpecialType: SpecialType.System_String } || !IsPartSequence(parameter.Type)) return false;
        if (method.DeclaringSyntaxReferences is not [var reference] || reference.GetSyntax() is not MethodDeclarationSyntax declaration) return false;
        // The parameter as the helper's own compilation sees it (the app's may see a retargeted copy).
        if (model.GetDeclaredSymbol(declaration) is not IMethodSymbol { Parameters: [var own] }) return false;
        parameter = own;
        var result = declaration.ExpressionBody?.Expression ?? (declaration.Body?.Statements is [ReturnStatementSyntax { Expression: { } returned }] ? returned : null);
        if (result is not null) return IsJoinOfText(result, parameter, model);
        if (declaration.Body?.Statements is not [LocalDeclarationStatementSyntax { Declaration.Variables: [var builder] }, ForEachStatementSyntax loop,
            ReturnStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString" } toString, ArgumentList.Arguments.Count: 0 } }])
            return false;
        if (model.GetDeclaredSymbol(builder) is not ILocalSymbol { Type: var builderType } local || Recipes.Primitives.SymbolNames.FullName(builderType) != "System.Text.StringBuilder"
            || builder.Initializer?.Value is not BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 0, Initializer: null }) return false;
        if (!Is(toString.Expression, local, model) || !Is(loop.Expression, parameter, model) || model.GetDeclaredSymbol(loop) is not { } part) return false;
        var append = loop.Statement is BlockSyntax { Statements: [var only] } ? only : loop.Statement;
        return append is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Append" } target, ArgumentList.Arguments: [var text] } }
            && Is(target.Expression, local, model) && IsTextOf(text.Expression, part, model);
    }

    // string.Join("", parts.Select(p => p.Text)), string.Join(string.Empty, ...), string.Concat(parts.Select(p => p.Text)).
    private static bool IsJoinOfText(ExpressionSyntax expression, IParameterSymbol parameter, SemanticModel model)
    {
        if (expression is not InvocationExpressionSyntax call || model.GetSymbolInfo(call).Symbol is not IMethodSymbol { ContainingType.SpecialType: SpecialType.System_String, Name: "Join" or "Concat" } join) return false;
        var arguments = call.ArgumentList.Arguments;
        if (join.Name == "Join" && (arguments.Count != 2 || model.GetConstantValue(arguments[0].Expression) is not { HasValue: true, Value: "" }
            && arguments[0].Expression.ToString() is not ("string.Empty" or "String.Empty"))) return false;
        if (arguments.LastOrDefault()?.Expression is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Select" } select, ArgumentList.Arguments: [{ Expression: SimpleLambdaExpressionSyntax { ExpressionBody: { } body } lambda }] }
            || (join.Name == "Concat" && arguments.Count != 1)) return false;
        return Is(select.Expression, parameter, model) && model.GetDeclaredSymbol(lambda.Parameter) is { } part && IsTextOf(body, part, model);
    }

    private static bool IsTextOf(ExpressionSyntax expression, ISymbol part, SemanticModel model) =>
        expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Text" } access && Is(access.Expression, part, model)
        && model.GetSymbolInfo(access).Symbol is IPropertySymbol { ContainingType: var owner } && Recipes.Primitives.SymbolNames.FullName(owner) == PartType;

    private static bool Is(ExpressionSyntax expression, ISymbol symbol, SemanticModel model) =>
        expression is IdentifierNameSyntax && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(expression).Symbol, symbol);

    /// <summary>True for <c>IEnumerable&lt;ChatMessageContentPart&gt;</c> and the collections of parts (<c>ChatMessageContent</c>, lists).</summary>
    public static bool IsPartSequence(ITypeSymbol type) =>
        (type is INamedTypeSymbol named ? type.AllInterfaces.Prepend(named) : type.AllInterfaces).Any(i => i is { Name: "IEnumerable", TypeArguments: [var element] } && i.ContainingNamespace.ToDisplayString() == "System.Collections.Generic"
            && Recipes.Primitives.SymbolNames.FullName(element) == PartType);
}
