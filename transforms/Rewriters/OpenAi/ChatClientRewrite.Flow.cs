using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Toolkit.Transforms.Rewriters.OpenAi;

internal sealed partial class ChatClientRewrite
{
    // An OpenAI chat value handed to code outside the app: a library method that takes a ChatClient
    // (or an OpenAIClient...) cannot take the IChatClient the port makes, and a call that does not bind
    // (its package was not restored) may be such a method. Methods of the app itself change with it,
    // and generic ones (AddSingleton<T>, List<T>.Add) take the new type as they took the old.
    private void CheckFlow()
    {
        foreach (var argument in _root.DescendantNodes().OfType<ArgumentSyntax>())
        {
            if (argument.Parent is not BaseArgumentListSyntax { Parent: var call } || call is not (InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax)) continue;
            if (TypeOf(argument.Expression) is not { } type || !IsChatValue(type)) continue;
            if (call is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } && model.GetConstantValue(call).HasValue) continue; // a name, not a value
            var info = model.GetSymbolInfo(call);
            var callee = call is InvocationExpressionSyntax { Expression: var target } ? Describe(target) : Describe(call);
            if (info.Symbol is not IMethodSymbol method)
            {
                if (info.CandidateSymbols.Length > 0 || call.SyntaxTree != _root.SyntaxTree) continue; // overloads: the compiler reports them
                Unsupported.Add((LineOf(argument), $"`{Describe(argument.Expression)}` (an OpenAI {type.Name}) goes to `{callee}`, which did not bind (its package or project is not among the references restored): port this by hand, or restore it and plan again."));
                continue;
            }
            if (IsAppCode(method) || IsReferencedHelper(method) || IsOpenAiSymbol(method) || method.ContainingType?.Name == "OpenAIClientExtensions") continue;
            var parameter = Parameter(method, argument);
            if (parameter is { Type.SpecialType: SpecialType.System_Object } && IsCompletion(type))
            {
                // Ok(completion), JsonSerializer.Serialize(completion): it takes anything, and now gets a ChatResponse.
                Notes.Add((LineOf(argument), $"`{Describe(argument.Expression)}` goes to `{callee}` as a ChatResponse instead of a ChatCompletion: what it turns into there (the JSON an API returns, its text) has a new shape."));
                continue;
            }
            if (parameter is null || !MentionsOpenAiType(parameter.Type)) continue;
            Unsupported.Add((LineOf(argument), $"`{Describe(argument.Expression)}` (an OpenAI {type.Name}) goes to `{method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}` from {method.ContainingAssembly?.Name}, which takes the OpenAI type, not an IChatClient: port this by hand."));
        }
    }

    // value.Member(...) on an OpenAI chat value where Member does not bind (an extension from code that
    // is not compiled here, such as a referenced project) or is a library extension taking the OpenAI type.
    private void CheckReceivers()
    {
        foreach (var access in _root.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
        {
            if (access.Expression is not ExpressionSyntax receiver || TypeOf(receiver) is not { } type || !IsOpenAiSymbol(type) || type.ContainingNamespace?.ToDisplayString() != "OpenAI.Chat") continue;
            if (IsConsumed(access.Name)) continue;
            var info = model.GetSymbolInfo(access);
            if (info.Symbol is null && info.CandidateSymbols.Length == 0)
                Unsupported.Add((LineOf(access), $"`{Describe(access)}` is called on an OpenAI {type.Name} but does not bind (an extension in code not compiled here, such as a referenced project's): port it by hand."));
            else if (info.Symbol is IMethodSymbol { ReducedFrom: not null } extension && extension.DeclaringSyntaxReferences.Length == 0 && !IsOpenAiSymbol(extension)
                && extension.ContainingType?.Name != "OpenAIClientExtensions" && extension.ContainingNamespace?.ToDisplayString() is not ("System" or "System.Linq" or "System.Collections.Generic"))
                Unsupported.Add((LineOf(access), $"`{Describe(access)}` is a library extension ({extension.ContainingAssembly?.Name}) on the OpenAI {type.Name}, with no IChatClient counterpart the swap knows: port it by hand."));
        }
    }

    private static bool IsChatValue(ITypeSymbol type) =>
        FullName(type) is ChatClientType or OpenAiClientType or AzureClientType || IsCompletion(type) || (type.ContainingNamespace?.ToDisplayString() == "OpenAI.Chat" && type.TypeKind == TypeKind.Class);

    // A ChatCompletion, or the ClientResult<ChatCompletion> a call returns: both become a ChatResponse.
    private static bool IsCompletion(ITypeSymbol type) =>
        FullName(type) == "OpenAI.Chat.ChatCompletion" || type is INamedTypeSymbol { Name: "ClientResult", TypeArguments: [var inner] } && FullName(inner) == "OpenAI.Chat.ChatCompletion";

    // The parameter as declared (List<T>.Add's T, not ChatMessage), by name or by position.
    private static IParameterSymbol? Parameter(IMethodSymbol method, ArgumentSyntax argument)
    {
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        var parameters = method.ReducedFrom is not null ? definition.Parameters.Skip(1).ToList() : definition.Parameters.ToList();
        if (argument.NameColon is { } name) return parameters.FirstOrDefault(p => p.Name == name.Name.Identifier.ValueText);
        var index = ((BaseArgumentListSyntax)argument.Parent!).Arguments.IndexOf(argument);
        return index < parameters.Count ? parameters[index] : parameters.LastOrDefault(p => p.IsParams);
    }

    private static bool MentionsOpenAiType(ITypeSymbol type) => type is not ITypeParameterSymbol && MentionsOpenAi(type);
}
