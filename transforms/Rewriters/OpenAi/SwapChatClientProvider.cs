using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Toolkit.Transforms.Recipes;
using Toolkit.Transforms.Recipes.Primitives;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Rewriters.OpenAi;

/// <summary>
/// Moves code that already talks to Microsoft.Extensions.AI <c>IChatClient</c> from one provider to
/// another: only where the client is built (<c>new AnthropicClient { ApiKey = k }.AsIChatClient(m)</c>)
/// and the provider's exception in <c>catch</c> clauses change. Any other use of the old provider's SDK
/// (its own messages API) leaves the file unchanged with a manual step per use.
/// </summary>
public sealed class SwapChatClientProvider : IRecipe
{
    /// <summary>Name used in recipe lists.</summary>
    public const string RecipeName = "Toolkit.Rewriters.SwapChatClientProvider";

    /// <summary>Configures the recipe from its options.</summary>
    public SwapChatClientProvider(RecipeArguments arguments)
    {
        From = ChatProvider.Find(arguments.Required("from")) is { Id: "anthropic" } from ? from
            : throw new RecipeException($"{RecipeName}: option 'from' must be anthropic (the provider whose client building is understood).");
        To = ChatProvider.Find(arguments.Required("to")) is { Id: not "anthropic" } to ? to
            : throw new RecipeException($"{RecipeName}: option 'to' must be openai or ollama.");
        Models = arguments.Map("models");
        Endpoint = arguments.Optional("endpoint") ?? "http://localhost:11434";
        DirectUseListed = arguments.Optional("directUse") switch
        {
            null or "manual" => false,
            "ported" => true,
            var other => throw new RecipeException($"{RecipeName}: option 'directUse' must be manual or ported, not '{other}'."),
        };
    }

    /// <summary>
    /// True when a recipe before this one ports (or lists) code using the Anthropic SDK directly
    /// (<see cref="Anthropic.AnthropicMessagesToChatClient"/>): files still using it are left to that recipe's manual steps.
    /// </summary>
    public bool DirectUseListed { get; }

    /// <summary>The provider the code uses now.</summary>
    public ChatProvider From { get; }

    /// <summary>The provider it moves to.</summary>
    public ChatProvider To { get; }

    /// <summary>Model id map, old provider to new.</summary>
    public IReadOnlyDictionary<string, string> Models { get; }

    /// <summary>Server address for providers that need one (Ollama).</summary>
    public string Endpoint { get; }

    /// <inheritdoc/>
    public string Name => RecipeName;

    /// <inheritdoc/>
    public string DisplayName => "Swap the provider behind an IChatClient";

    /// <inheritdoc/>
    public string Description =>
        "Rebuilds IChatClient instances made from an AnthropicClient with another provider (same model mapped, same key), and maps the " +
        "provider's exception in catch clauses. Files that use the Anthropic SDK in other ways are left unchanged with a manual step per use.";

    /// <inheritdoc/>
    public IReadOnlyList<RecipeOption> Options =>
    [
        new("from", "The provider the code uses now: anthropic.", "anthropic"),
        new("to", "The provider it moves to: openai or ollama.", "openai"),
        new("models", "Map of old model id to new model id, applied to model literals where clients are built.", "claude-haiku-4-5=gpt-4o-mini", Required: false),
        new("endpoint", "Server address for providers that need one (Ollama).", "http://localhost:11434", Required: false),
        new("directUse", "Manual (a step per direct use of the Anthropic SDK) or ported (an earlier recipe ported or listed that code).", "ported", Required: false),
    ];

    /// <inheritdoc/>
    public void Run(SourceSet sources)
    {
        foreach (var path in sources.CSharpFilesNaming("Anthropic"))
        {
            if (sources.SemanticModel(path) is not { } model)
            {
                var text = sources.Read(path);
                sources.AddManualStep(path, TextLines.LineOf(text, text.IndexOf("Anthropic", StringComparison.Ordinal)),
                    "Anthropic code here was not rewritten because the app's references could not be resolved.");
                continue;
            }
            var (changes, unsupported, notes) = PlanFile(model);
            if (unsupported.Count > 0)
            {
                // The recipe that ports direct use already said why each such use was not ported.
                foreach (var (line, reason) in unsupported)
                    if (!DirectUseListed || !reason.EndsWith(DirectUse, StringComparison.Ordinal)) sources.AddManualStep(path, line, reason);
                continue;
            }
            foreach (var (line, reason) in notes) sources.AddManualStep(path, line, reason);
            if (changes.Count > 0) sources.Write(path, SourceText.From(sources.Read(path)).WithChanges(changes).ToString());
        }
    }

    private (List<TextChange> Changes, List<(int, string)> Unsupported, List<(int, string)> Notes) PlanFile(SemanticModel model)
    {
        var root = model.SyntaxTree.GetRoot();
        var changes = new List<TextChange>();
        var unsupported = new List<(int, string)>();
        var notes = new List<(int, string)>();
        var covered = new List<TextSpan>();
        foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsIChatClient", Expression: var receiver }) continue;
            if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol { ContainingType.Name: "AnthropicClientExtensions" } method) continue;
            if (receiver is not BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 0 } creation
                || creation.Initializer?.Expressions.Any(e => e is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "ApiKey" or "Timeout" } }) == true
                || invocation.ArgumentList.Arguments.Count != 1)
            {
                unsupported.Add((Line(invocation), $"`{invocation}` builds the Anthropic client in a way the swap does not know: build the {To.Id} IChatClient by hand."));
                continue;
            }
            var key = creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>().FirstOrDefault(a => a.Left.ToString() == "ApiKey")?.Right;
            var keyText = key is null ? null : MapLiteral(key, new Dictionary<string, string> { ["ANTHROPIC_API_KEY"] = To.KeyEnvironmentVariable ?? "" });
            if (creation.Initializer?.Expressions.Any(e => e is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Timeout" } }) == true)
                notes.Add((Line(invocation), $"the Anthropic client timeout was dropped: set one on the {To.Id} client if you need it."));
            var modelText = MapLiteral(invocation.ArgumentList.Arguments[0].Expression, Models);
            changes.Add(new TextChange(invocation.Span, To.Create(modelText, To == ChatProvider.Ollama ? null : keyText, null, SyntaxFactory.Literal(Endpoint).Text)));
            covered.Add(invocation.Span);
        }
        foreach (var clause in root.DescendantNodes().OfType<CatchClauseSyntax>())
        {
            if (clause.Declaration is not { } declaration || model.GetTypeInfo(declaration.Type).Type is not { } type || type.ToDisplayString() != From.ExceptionType) continue;
            changes.Add(new TextChange(declaration.Type.Span, To.ExceptionType));
            covered.Add(declaration.Type.Span);
            var exception = model.GetDeclaredSymbol(declaration);
            foreach (var cast in clause.DescendantNodes().OfType<CastExpressionSyntax>())
            {
                if (cast.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "StatusCode", Expression: IdentifierNameSyntax variable }
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(variable).Symbol, exception))
                {
                    changes.Add(new TextChange(cast.Span, To.Status(variable.Identifier.ValueText)));
                    covered.Add(cast.Span);
                }
            }
        }
        // Direct uses only matter where this file changes, or where they are this recipe's to list: otherwise binding every
        // member access again (the earlier recipe's edits made a new compilation) would be most of the plan's time.
        if (changes.Count == 0 && DirectUseListed) return (changes, unsupported, notes);
        var usings = root.DescendantNodes().OfType<UsingDirectiveSyntax>().Where(u => SymbolNames.IsNamespaceOrBelow(u.NamespaceOrType.ToString(), "Anthropic")).ToList();
        foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            if (!name.Identifier.ValueText.Contains("Anthropic", StringComparison.Ordinal) && name.Parent is not MemberAccessExpressionSyntax) continue; // cheap filter
            if (covered.Any(c => c.Contains(name.Span)) || name.Ancestors().Any(a => a is UsingDirectiveSyntax)) continue;
            var symbol = model.GetSymbolInfo(name).Symbol;
            var ns = (symbol as ITypeSymbol ?? symbol?.ContainingType)?.ContainingNamespace?.ToDisplayString() ?? "";
            if (symbol is null || !(SymbolNames.IsNamespaceOrBelow(ns, "Anthropic") || symbol.ContainingType?.Name == "AnthropicClientExtensions")) continue;
            unsupported.Add((Line(name), $"`{name.Parent}` {DirectUse}"));
        }
        if (changes.Count == 0) return (changes, unsupported, notes);
        var added = To.Namespaces.Where(n => root.DescendantNodes().OfType<UsingDirectiveSyntax>().All(u => u.NamespaceOrType.ToString() != n)).ToList();
        for (var i = 0; i < usings.Count; i++)
        {
            var line = model.SyntaxTree.GetText().Lines.GetLineFromPosition(usings[i].SpanStart);
            changes.Add(new TextChange(TextSpan.FromBounds(line.Start, line.EndIncludingLineBreak), i == 0 ? string.Concat(added.Select(a => $"using {a};\n")) : ""));
        }
        changes.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return (changes, unsupported, notes);
    }

    private const string DirectUse = "uses the Anthropic SDK directly: port it to IChatClient first (or by hand), then swap the provider.";

    /// <summary>The text of <paramref name="expression"/> with its string literals found in <paramref name="map"/> replaced (empty mappings skipped).</summary>
    internal static string MapLiteral(ExpressionSyntax expression, IReadOnlyDictionary<string, string> map)
    {
        var text = expression.ToString();
        foreach (var literal in expression.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)).OrderByDescending(l => l.SpanStart))
        {
            if (!Recipes.ModelIds.TryMap(map, literal.Token.ValueText, out var mapped) || mapped.Length == 0) continue;
            var start = literal.SpanStart - expression.SpanStart;
            text = text[..start] + SyntaxFactory.Literal(mapped).Text + text[(start + literal.Span.Length)..];
        }
        return text;
    }

    private static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
}
