using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Toolkit.Transforms.Rewriters.OpenAi;

internal sealed partial class ChatClientRewrite
{
    private bool _bridged;

    /// <summary>Streamed results that leave the app with OpenAI's type (found across the app first).</summary>
    public StreamingBridges Bridges { get; init; } = StreamingBridges.None;

    // The bridged method `node` is in, or null.
    private IMethodSymbol? BridgedMethod(SyntaxNode node)
    {
        if (Bridges.Methods.Count == 0) return null;
        var declaration = node.AncestorsAndSelf().FirstOrDefault(a => a is MethodDeclarationSyntax or LocalFunctionStatementSyntax);
        return declaration is not null && model.GetDeclaredSymbol(declaration) is IMethodSymbol method && Bridges.Methods.ContainsKey(method.OriginalDefinition) ? method : null;
    }

    // client.CompleteChatStreaming(...) in a bridged method: the updates are converted back to OpenAI's type.
    private string BridgeOf(InvocationExpressionSyntax streamingCall)
    {
        if (BridgedMethod(streamingCall) is not { } method) return "";
        _bridged = true;
        Notes.Add((LineOf(streamingCall), $"the updates `{method.Name}` streams go on to {Bridges.Methods[method.OriginalDefinition]}, code this port does not change, as OpenAI's StreamingChatCompletionUpdate: " +
            "they are converted back with Microsoft.Extensions.AI.OpenAI's AsOpenAIStreamingChatCompletionUpdatesAsync (the package is added; it brings OpenAI 2.14.0 or later; the method is marked experimental, OPENAI001, suppressed around this statement). Port that code to ChatResponseUpdate to drop the conversion."));
        // The converter is [Experimental("OPENAI001")]: an error unless suppressed where it is called.
        if (streamingCall.AncestorsAndSelf().FirstOrDefault(a => a is StatementSyntax or MemberDeclarationSyntax) is { } holder)
        {
            var indent = Indent(holder);
            var line = LineSpan(holder);
            _edits.Add(new Edit(holder, [], _ => $"{indent}#pragma warning disable OPENAI001 // AsOpenAIStreamingChatCompletionUpdatesAsync is experimental\n") { Span = new Microsoft.CodeAnalysis.Text.TextSpan(line.Start, 0) });
            _edits.Add(new Edit(holder, [], _ => $"{indent}#pragma warning restore OPENAI001\n") { Span = new Microsoft.CodeAnalysis.Text.TextSpan(line.End, 0) });
        }
        return ".AsOpenAIStreamingChatCompletionUpdatesAsync()";
    }

    // Type names of a bridged method keep OpenAI's update type, spelled in full (the OpenAI.Chat using goes).
    private bool PlanBridgedType(SimpleNameSyntax name, SyntaxNode node, INamedTypeSymbol type)
    {
        if (BridgedMethod(node) is null) return false;
        var full = FullName(type);
        var qualified = QualifiedUpdateType(node);
        if (full == StreamingBridges.UpdateType)
        {
            if (node.ToString() == qualified) Accept(node);
            else Replace(node, qualified);
            return true;
        }
        if (name is GenericNameSyntax { Identifier.ValueText: "CollectionResult" or "AsyncCollectionResult", TypeArgumentList.Arguments: [var argument] } && TypeOf(argument) is { } inner && FullName(inner) == StreamingBridges.UpdateType)
        {
            Replace(node, $"{(name.Identifier.ValueText == "CollectionResult" ? "IEnumerable" : "IAsyncEnumerable")}<{qualified}>");
            return true;
        }
        return false;
    }

    private string QualifiedUpdateType(SyntaxNode at) =>
        model.LookupNamespacesAndTypes(at.SpanStart, name: "OpenAI") is [INamespaceSymbol { ContainingNamespace.IsGlobalNamespace: true }]
            ? StreamingBridges.UpdateType
            : "global::" + StreamingBridges.UpdateType;

    // In a bridged method the updates stay OpenAI's: reading them there would need both shapes (not ported).
    // Elsewhere, updates handed to code the port does not change, with no bridge found, cannot be ported.
    private void CheckBridges()
    {
        foreach (var name in _root.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            if (!openAiNames.CouldBind(name) && name.Identifier.ValueText != "AsOpenAIStreamingChatCompletionUpdatesAsync") continue;
            var symbol = model.GetSymbolInfo(name).Symbol;
            if (symbol?.ContainingType is { } owner && FullName(owner) == StreamingBridges.Extensions)
            {
                Accept(name); // the conversion a previous run wrote
                continue;
            }
            if (symbol is IPropertySymbol property && FullName(property.ContainingType) == StreamingBridges.UpdateType && BridgedMethod(name) is { } method)
            {
                Unsupported.Add((LineOf(name), $"`{Describe(name)}` reads the updates `{method.Name}` also hands to {Bridges.Methods[method.OriginalDefinition]} as OpenAI's type: port it by hand."));
                Accept(name);
            }
        }
        foreach (var argument in _root.DescendantNodes().OfType<ArgumentSyntax>())
        {
            if (argument.Parent is not ArgumentListSyntax { Parent: InvocationExpressionSyntax call } || Bridges.IsSink(argument)) continue;
            if (TypeOf(argument.Expression) is not { } type || !StreamingBridges.CarriesUpdates(type)) continue;
            var info = model.GetSymbolInfo(call);
            if (info.Symbol is IMethodSymbol { DeclaringSyntaxReferences.Length: > 0 } || info.Symbol is { } bound && IsOpenAiSymbol(bound) || info.CandidateSymbols.Length > 0) continue;
            if (info.Symbol is IMethodSymbol { ContainingNamespace: var ns } && ns?.ToDisplayString() is "System" or "System.Linq" or "System.Collections.Generic") continue;
            Unsupported.Add((LineOf(argument), $"`{Describe(argument.Expression)}` (OpenAI streaming updates) goes to `{Describe(call.Expression)}`, code this port does not change, and where the updates come from could not be followed: port this by hand."));
        }
    }
}
