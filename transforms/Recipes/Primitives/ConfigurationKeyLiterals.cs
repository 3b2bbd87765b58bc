using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Toolkit.Transforms.Recipes.Primitives;

/// <summary>
/// Finds string literals in C# that are used as configuration keys: an indexer argument
/// (<c>configuration["A:B"]</c>) or the first argument of GetSection, GetRequiredSection, GetValue,
/// GetConnectionString, Bind or BindConfiguration. Other strings are never treated as keys.
/// </summary>
public static class ConfigurationKeyLiterals
{
    private static readonly HashSet<string> KeyMethods =
        ["GetSection", "GetRequiredSection", "GetValue", "GetConnectionString", "Bind", "BindConfiguration"];

    /// <summary>The configuration key literals in <paramref name="root"/>.</summary>
    public static IEnumerable<LiteralExpressionSyntax> In(CompilationUnitSyntax root) =>
        root.DescendantNodes().OfType<LiteralExpressionSyntax>()
            .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression) && l.Parent is ArgumentSyntax argument && IsKeyArgument(argument));

    /// <summary>True when <paramref name="literal"/> is used as a configuration key.</summary>
    public static bool IsKey(LiteralExpressionSyntax literal) => literal.Parent is ArgumentSyntax argument && IsKeyArgument(argument);

    /// <summary>
    /// The configuration key literals in <paramref name="root"/> whose key <paramref name="wanted"/> accepts and that
    /// <paramref name="model"/> confirms are configuration reads: the indexer or method belongs to
    /// Microsoft.Extensions.Configuration (or the options binders), so <c>settings["OpenAI"]</c> on a dictionary is
    /// never one. Only wanted keys are bound (binding every key-like literal of a large file costs more than the
    /// recipe). Without a model the syntactic test of <see cref="In(CompilationUnitSyntax)"/> is all there is.
    /// </summary>
    public static IEnumerable<LiteralExpressionSyntax> In(CompilationUnitSyntax root, SemanticModel? model, Func<string, bool> wanted) =>
        In(root).Where(l => wanted(l.Token.ValueText) && (model is null || IsConfigurationRead(l, model)));

    /// <summary>True when the key literal's indexer or method is a configuration API (see <see cref="In(CompilationUnitSyntax, SemanticModel?, Func{string, bool})"/>).</summary>
    public static bool IsConfigurationRead(LiteralExpressionSyntax literal, SemanticModel model)
    {
        var access = literal.Parent?.Parent?.Parent; // argument -> list -> element access or invocation
        var symbol = access is null ? null : model.GetSymbolInfo(access).Symbol ?? model.GetSymbolInfo(access).CandidateSymbols.FirstOrDefault();
        if (symbol is IMethodSymbol { ReducedFrom: { } extension }) symbol = extension;
        var ns = symbol?.ContainingType?.ContainingNamespace?.ToDisplayString() ?? "";
        return ns.StartsWith("Microsoft.Extensions.Configuration", StringComparison.Ordinal)
            || ns.StartsWith("Microsoft.Extensions.Options", StringComparison.Ordinal)
            || (ns == "Microsoft.Extensions.DependencyInjection" && symbol!.Name is "BindConfiguration" or "Configure");
    }

    /// <summary>The key an expression reads, when it is <c>x["key"]</c> or <c>x.GetValue&lt;T&gt;("key")</c>.</summary>
    public static string? KeyReadBy(ExpressionSyntax expression) => expression switch
    {
        ElementAccessExpressionSyntax { ArgumentList.Arguments: [{ Expression: LiteralExpressionSyntax literal }] } => literal.Token.ValueText,
        InvocationExpressionSyntax { ArgumentList.Arguments: [{ Expression: LiteralExpressionSyntax literal }, ..] } invocation
            when invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetValue" or "GetConnectionString" } => literal.Token.ValueText,
        _ => null,
    };

    private static bool IsKeyArgument(ArgumentSyntax argument) => argument.Parent switch
    {
        BracketedArgumentListSyntax { Arguments.Count: 1 } => true,
        ArgumentListSyntax list when list.Arguments.IndexOf(argument) == 0 && list.Parent is InvocationExpressionSyntax invocation =>
            invocation.Expression switch
            {
                MemberAccessExpressionSyntax member => KeyMethods.Contains(member.Name.Identifier.ValueText),
                _ => false,
            },
        _ => false,
    };
}
