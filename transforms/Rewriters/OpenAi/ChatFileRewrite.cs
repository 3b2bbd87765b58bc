using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Toolkit.Transforms.Rewriters.OpenAi;

/// <summary>
/// The rewrite of one C# file from OpenAI chat to Anthropic messages, planned as text changes over
/// exact spans (so comments and layout outside them are kept). Every OpenAI symbol in the file must
/// fall inside a planned change, otherwise the file is reported as unsupported and left alone.
/// </summary>
internal sealed partial class ChatFileRewrite(OpenAiChatToAnthropic recipe, SemanticModel model, OpenAiNames openAiNames)
{
    private const string ChatClientType = "OpenAI.Chat.ChatClient";
    private const string CompletionType = "OpenAI.Chat.ChatCompletion";
    private readonly SyntaxNode _root = model.SyntaxTree.GetRoot();
    private readonly List<TextChange> _changes = [];
    private readonly Dictionary<ISymbol, string> _modelVariables = new(SymbolEqualityComparer.Default);
    private int? _linqPosition;

    /// <summary>Planned text changes (non-overlapping once <see cref="Plan"/> returns without unsupported uses).</summary>
    public List<TextChange> Changes => _changes;

    /// <summary>Places the rewrite cannot handle: line and why.</summary>
    public List<(int Line, string Reason)> Unsupported { get; } = [];

    /// <summary>Things changed that a person should check (dropped options, defaults).</summary>
    public List<(int Line, string Reason)> Notes { get; } = [];

    /// <summary>Plans the changes; fills <see cref="Unsupported"/> when the file must stay as it is.</summary>
    public void Plan()
    {
        PlanClients();
        PlanCalls();
        PlanTypeReferences();
        PlanUsings();
        CheckCoverage();
        CheckOverlaps();
    }

    private void PlanTypeReferences()
    {
        foreach (var name in _root.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (name.Identifier.ValueText is not ("ChatClient" or "ChatCompletion")) continue; // bind only what can match
            if (name.IsVar || name.Ancestors().Any(a => a is UsingDirectiveSyntax) || IsChanged(name.Span)) continue;
            if (model.GetSymbolInfo(name).Symbol is not INamedTypeSymbol type) continue;
            var replacement = FullName(type) switch
            {
                ChatClientType => ("AnthropicClient", "Anthropic.AnthropicClient"),
                CompletionType => ("Message", "Anthropic.Models.Messages.Message"),
                _ => default((string, string)?),
            };
            if (replacement is not { } names) continue;
            // A qualified name (OpenAI.Chat.ChatClient) is replaced whole.
            if (name.Parent is QualifiedNameSyntax qualified && qualified.Right == name)
                _changes.Add(new TextChange(qualified.Span, names.Item2));
            else
                _changes.Add(new TextChange(name.Span, names.Item1));
        }
    }

    private void PlanUsings()
    {
        var directives = _root.DescendantNodes().OfType<UsingDirectiveSyntax>().ToList();
        var present = directives.Select(u => u.NamespaceOrType.ToString()).ToHashSet(StringComparer.Ordinal);
        var wanted = new List<string> { "Anthropic", "Anthropic.Models.Messages" };
        if (_linqPosition is { } position && model.LookupNamespacesAndTypes(position, name: "Enumerable").All(s => s.ToDisplayString() != "System.Linq.Enumerable"))
            wanted.Insert(0, "System.Linq");
        var first = true;
        foreach (var directive in directives.Where(u => u.Alias is null && u.StaticKeyword == default && IsOpenAiNamespace(u.NamespaceOrType.ToString())))
        {
            var line = LineSpan(directive);
            var added = first ? wanted.Where(w => !present.Contains(w)).ToList() : [];
            var indent = Indent(directive);
            _changes.Add(new TextChange(line, string.Concat(added.Select(a => $"{indent}using {a};\n"))));
            first = false;
        }
    }

    private void CheckCoverage()
    {
        foreach (var name in _root.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            // Only names that could mean an OpenAI symbol are bound: the rest is never bound.
            if (name.IsVar || !openAiNames.CouldBind(name) || name.Ancestors().Any(a => a is UsingDirectiveSyntax) || IsChanged(name.Span)) continue;
            var symbol = model.GetSymbolInfo(name).Symbol;
            if (symbol is null || !IsOpenAiSymbol(symbol)) continue;
            Unsupported.Add((LineOf(name), $"'{symbol.ToDisplayString()}' is used here in a way the OpenAI to Anthropic swap does not rewrite: port it by hand."));
        }
    }

    private void CheckOverlaps()
    {
        _changes.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
        for (var i = 1; i < _changes.Count; i++)
            if (_changes[i].Span.Start < _changes[i - 1].Span.End)
                Unsupported.Add((_root.SyntaxTree.GetLineSpan(_changes[i].Span).StartLinePosition.Line + 1, "two rewrites of OpenAI code overlap here."));
    }

    private bool IsChanged(TextSpan span) => _changes.Any(c => c.Span.Contains(span) && c.Span.Length > 0);

    private static bool IsOpenAiNamespace(string name) =>
        name == "OpenAI" || name.StartsWith("OpenAI.", StringComparison.Ordinal) || name == "System.ClientModel" || name.StartsWith("System.ClientModel.", StringComparison.Ordinal);

    private static bool IsOpenAiSymbol(ISymbol symbol)
    {
        var type = symbol as ITypeSymbol ?? symbol.ContainingType;
        var ns = (type?.ContainingNamespace ?? symbol.ContainingNamespace)?.ToDisplayString() ?? "";
        return IsOpenAiNamespace(ns);
    }

    private static string FullName(ITypeSymbol type) => Recipes.Primitives.SymbolNames.FullName(type);

    private static int LineOf(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    private static string Indent(SyntaxNode node) => ScopeSearch.IndentOf(node);

    /// <summary>From the start of the node's line to the end of its trailing newline: removing it removes the line.</summary>
    private static TextSpan LineSpan(SyntaxNode node)
    {
        var text = node.SyntaxTree.GetText();
        var start = text.Lines.GetLineFromPosition(node.SpanStart).Start;
        var lineText = text.ToString(TextSpan.FromBounds(start, node.SpanStart));
        if (lineText.Trim().Length > 0) start = node.SpanStart; // something else shares the line
        return TextSpan.FromBounds(start, node.FullSpan.End);
    }

    /// <summary>The expression's text with mapped string literals replaced (model ids, environment variable names).</summary>
    private string MapLiterals(ExpressionSyntax expression, IReadOnlyDictionary<string, string> map, Action<LiteralExpressionSyntax>? unmapped = null)
    {
        var literals = expression.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>()
            .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression) && !Recipes.Primitives.ConfigurationKeyLiterals.IsKey(l)).ToList(); // keys are not values
        var text = expression.ToString();
        foreach (var literal in literals.OrderByDescending(l => l.SpanStart))
        {
            if (!map.TryGetValue(literal.Token.ValueText, out var mapped))
            {
                unmapped?.Invoke(literal);
                continue;
            }
            var start = literal.SpanStart - expression.SpanStart;
            text = text[..start] + SyntaxFactory.Literal(mapped).Text + text[(start + literal.Span.Length)..];
        }
        return text;
    }
}
