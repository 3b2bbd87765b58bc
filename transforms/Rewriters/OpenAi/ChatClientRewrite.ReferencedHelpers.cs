using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Toolkit.Transforms.Rewriters.OpenAi;

internal sealed partial class ChatClientRewrite
{
    /// <summary>The method names referenced projects declare (<see cref="ReferencedMethodNames.Of"/>, once per plan).</summary>
    public required IReadOnlySet<string> ReferencedMethods { get; init; }

    /// <summary>True when <paramref name="symbol"/> is declared in the app's own code, not in a referenced project compiled beside it or a library.</summary>
    private bool IsAppCode(ISymbol symbol) => SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, model.Compilation.Assembly);

    /// <summary>True for a method of a referenced project's source whose signature has an OpenAI type (<see cref="PlanReferencedHelpers"/> ports or reports its calls).</summary>
    private bool IsReferencedHelper(IMethodSymbol method)
    {
        if (IsAppCode(method) || method.DeclaringSyntaxReferences.Length == 0) return false;
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        return definition.Parameters.Any(p => MentionsOpenAiType(p.Type)) || MentionsOpenAiType(definition.ReturnType);
    }

    // A helper of a referenced project (code of the same repository, compiled beside the app, read only) that
    // takes an OpenAI chat value: the port never edits that project, whose other users would break or be left
    // half-migrated. When the helper's source shows it only joins the text of a reply's parts, the call reads the
    // same text from the ported reply (`.Text`) and the helper stays as it is for its other callers; any other
    // helper is a manual step naming it.
    private void PlanReferencedHelpers()
    {
        if (ReferencedMethods.Count == 0) return;
        foreach (var invocation in _root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (ReferencedMethodNames.CalledName(invocation) is not { } called || !ReferencedMethods.Contains(called)) continue;
            if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method || !IsReferencedHelper(method)) continue;
            // Streamed updates handed to it are converted back to OpenAI's type where they are made (CheckBridges).
            if (invocation.ArgumentList.Arguments.Any(Bridges.IsSink)) continue;
            var definition = (method.ReducedFrom ?? method).OriginalDefinition;
            var where = Declared(definition);
            var argument = method.ReducedFrom is not null && invocation.Expression is MemberAccessExpressionSyntax extension ? extension.Expression
                : invocation.ArgumentList.Arguments is [var only] ? only.Expression : null;
            if (argument is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Content" or "ContentUpdate" } content
                && model.GetSymbolInfo(content).Symbol is IPropertySymbol { ContainingType: var owner } && FullName(owner) is "OpenAI.Chat.ChatCompletion" or "OpenAI.Chat.ChatMessage" or "OpenAI.Chat.StreamingChatCompletionUpdate"
                && HelperModel(definition) is { } helperModel && PartTextHelper.JoinsText(definition, helperModel))
            {
                Replace(invocation, content.Expression, e => $"{e}.Text");
                Notes.Add((LineOf(invocation), $"`{Describe(invocation)}` called `{definition.Name}` ({where}), which joins the text of the reply's parts: it now reads `.Text` " +
                    "of the Microsoft.Extensions.AI reply, the same text; the helper is kept, unchanged, for the code that still uses it."));
                continue;
            }
            Unsupported.Add((LineOf(invocation), $"`{Describe(invocation)}` calls `{definition.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}` ({where}), which takes or returns an OpenAI type " +
                "and does more than join a reply's text: the port does not edit a referenced project (its other users would break), so port that helper and the projects using it by hand, then plan again."));
        }
    }

    // "../Shared/Extensions/Helpers.cs:8, in the referenced project Shared": paths as the app's plan names them.
    private static string Declared(ISymbol symbol)
    {
        var location = symbol.Locations.FirstOrDefault(l => l.IsInSource);
        var line = location?.GetLineSpan();
        return line is null ? $"in {symbol.ContainingAssembly?.Name}" : $"{line.Value.Path}:{line.Value.StartLinePosition.Line + 1}, in the referenced project {symbol.ContainingAssembly?.Name}";
    }

    // The semantic model of the referenced project that declares `symbol`.
    private SemanticModel? HelperModel(ISymbol symbol)
    {
        if (symbol.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree is not { } tree) return null;
        var owner = model.Compilation.References.OfType<CompilationReference>().Select(r => r.Compilation).FirstOrDefault(c => c.ContainsSyntaxTree(tree));
        return owner?.GetSemanticModel(tree);
    }
}
