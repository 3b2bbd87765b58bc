using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Rewriters.OpenAi;

/// <summary>
/// Streamed chat updates that leave the app with OpenAI's type: handed to code the port cannot change (a
/// referenced project's or a library's method, or one that does not bind) that took
/// <c>StreamingChatCompletionUpdate</c>s, and made by methods of the app. Those methods stream from the
/// <c>IChatClient</c> like the rest and convert the updates back with Microsoft.Extensions.AI.OpenAI's
/// <c>AsOpenAIStreamingChatCompletionUpdatesAsync</c>, so the outside code gets what it got before.
/// Found across the app before any file is planned (the producer and the consumer are often in two files).
/// </summary>
internal sealed class StreamingBridges
{
    /// <summary>The type the bridged values keep.</summary>
    public const string UpdateType = "OpenAI.Chat.StreamingChatCompletionUpdate";

    private const string UpdateTypeName = "StreamingChatCompletionUpdate";

    /// <summary>The static class whose extension converts updates back (imported with <c>using static</c>).</summary>
    public const string Extensions = "OpenAI.Chat.MicrosoftExtensionsAIChatExtensions";

    private readonly Dictionary<IMethodSymbol, string> _methods = new(SymbolEqualityComparer.Default);
    private readonly HashSet<(SyntaxTree Tree, TextSpan Span)> _sinks = [];

    /// <summary>None: nothing leaves the app.</summary>
    public static StreamingBridges None { get; } = new();

    /// <summary>The app methods whose streamed result must keep OpenAI's type, each with where it goes (for the note).</summary>
    public IReadOnlyDictionary<IMethodSymbol, string> Methods => _methods;

    /// <summary>True when <paramref name="argument"/> hands bridged updates to outside code (its OpenAI type stays).</summary>
    public bool IsSink(ArgumentSyntax argument) => _sinks.Contains((argument.SyntaxTree, argument.Span));

    /// <summary>Finds the bridges in the files of <paramref name="models"/> (one compilation).</summary>
    public static StreamingBridges Find(IReadOnlyList<(string Path, SemanticModel Model)> models)
    {
        // A producer is an app method (not generic) whose declared return type carries updates, so the app's code
        // (its files and the global usings its project adds) names the update type, directly or in an alias.
        // Without that name there is nothing to bridge, and nothing is bound here.
        if (models.Count == 0 || !models[0].Model.Compilation.SyntaxTrees.Any(t => t.GetText().ToString().Contains(UpdateTypeName, StringComparison.Ordinal)))
            return None;
        // Binding every argument is most of the cost: files are read on all cores, then merged in path order (the
        // first sink found for a method names it, as in one pass).
        var found = new List<(IMethodSymbol Producer, string Where, ArgumentSyntax Sink)>[models.Count];
        Parallel.For(0, models.Count, AllCores.Options, i => found[i] = FindIn(models[i].Path, models[i].Model));
        var bridges = new StreamingBridges();
        foreach (var (producer, where, sink) in found.SelectMany(f => f))
        {
            bridges._methods.TryAdd(producer, where);
            bridges._sinks.Add((sink.SyntaxTree, sink.Span));
        }
        return bridges;
    }

    private static List<(IMethodSymbol, string, ArgumentSyntax)> FindIn(string path, SemanticModel model)
    {
        var found = new List<(IMethodSymbol, string, ArgumentSyntax)>();
        foreach (var argument in model.SyntaxTree.GetRoot().DescendantNodes().OfType<ArgumentSyntax>())
        {
            if (argument.Parent is not ArgumentListSyntax { Parent: InvocationExpressionSyntax call }) continue;
            if (model.GetTypeInfo(argument.Expression).Type is not { } type || !CarriesUpdates(type)) continue;
            if (!LeavesTheApp(model, call)) continue;
            var producers = new List<IMethodSymbol>();
            if (!Trace(model, argument.Expression, producers, depth: 0) || producers.Count == 0) continue;
            var target = call.Expression is MemberAccessExpressionSyntax access ? access.Name.ToString() : call.Expression.ToString();
            var where = $"`{target}` ({path}:{call.GetLocation().GetLineSpan().StartLinePosition.Line + 1})";
            found.AddRange(producers.Select(p => (p, where, argument)));
        }
        return found;
    }

    // IEnumerable<StreamingChatCompletionUpdate?>, IAsyncEnumerable<...>, and tuples or lists of them: a stream, not one update.
    internal static bool CarriesUpdates(ITypeSymbol type) =>
        type is INamedTypeSymbol named && Recipes.Primitives.SymbolNames.FullName(type) != UpdateType
        && (named.IsTupleType ? named.TupleElements.Any(e => CarriesUpdates(e.Type)) : named.TypeArguments.Any(a => IsUpdate(a) || CarriesUpdates(a)));

    private static bool IsUpdate(ITypeSymbol type) => Recipes.Primitives.SymbolNames.FullName(type) == UpdateType;

    // A call the port does not change: it does not bind, or binds to a method of another assembly (a library, or a
    // referenced project's code compiled beside the app) that is not OpenAI's own.
    private static bool LeavesTheApp(SemanticModel model, InvocationExpressionSyntax call)
    {
        var info = model.GetSymbolInfo(call);
        if (info.Symbol is IMethodSymbol method)
        {
            if (SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, model.Compilation.Assembly)) return false;
            if (method.DeclaringSyntaxReferences.Length > 0) return true; // a referenced project's code, whatever its namespace
            return !ChatClientRewrite.IsOpenAiNamespace(method.ContainingNamespace?.ToDisplayString() ?? "")
                && method.ContainingNamespace?.ToDisplayString() is not ("System" or "System.Linq" or "System.Collections.Generic");
        }
        return info.CandidateSymbols.Length == 0;
    }

    // Where the value comes from: app methods returning it, through locals and tuple elements.
    private static bool Trace(SemanticModel model, ExpressionSyntax expression, List<IMethodSymbol> producers, int depth)
    {
        if (depth > 8) return false;
        switch (expression)
        {
            case ParenthesizedExpressionSyntax { Expression: var inner }:
                return Trace(model, inner, producers, depth + 1);
            case MemberAccessExpressionSyntax access when model.GetSymbolInfo(access).Symbol is IFieldSymbol { ContainingType.IsTupleType: true }:
                return Trace(model, access.Expression, producers, depth + 1);
            case InvocationExpressionSyntax invocation when model.GetSymbolInfo(invocation).Symbol is IMethodSymbol { DeclaringSyntaxReferences.Length: > 0 } method
                && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, model.Compilation.Assembly):
                if (!method.ReturnType.Equals(method.OriginalDefinition.ReturnType, SymbolEqualityComparer.Default)) return false; // generic: not one method to change
                producers.Add(method.OriginalDefinition);
                return true;
            // var (prompt, updates) = Make(...): the tuple the deconstruction takes apart.
            case IdentifierNameSyntax name when model.GetSymbolInfo(name).Symbol is ILocalSymbol local
                && local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is SingleVariableDesignationSyntax designation
                && designation.Ancestors().OfType<AssignmentExpressionSyntax>().FirstOrDefault() is { Left: DeclarationExpressionSyntax or TupleExpressionSyntax } deconstruction
                && deconstruction.Left.Span.Contains(designation.Span):
                return Trace(model, deconstruction.Right, producers, depth + 1);
            case IdentifierNameSyntax name when model.GetSymbolInfo(name).Symbol is ILocalSymbol local
                && local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax declarator:
            {
                var body = declarator.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or CompilationUnitSyntax or AccessorDeclarationSyntax);
                if (body is null) return false;
                var values = body.DescendantNodes().OfType<AssignmentExpressionSyntax>()
                    .Where(a => a.Left is IdentifierNameSyntax left && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(left).Symbol, local))
                    .Select(a => a.IsKind(SyntaxKind.SimpleAssignmentExpression) ? a.Right : null).ToList();
                if (declarator.Initializer is { Value: var initial }) values.Add(initial);
                return values.Count > 0 && values.All(v => v is not null && Trace(model, v, producers, depth + 1));
            }
            default:
                return false;
        }
    }
}
