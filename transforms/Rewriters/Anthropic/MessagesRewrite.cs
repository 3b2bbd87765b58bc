using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Toolkit.Transforms.Recipes.Primitives;
using Toolkit.Transforms.Rewriters.OpenAi;

namespace Toolkit.Transforms.Rewriters.Anthropic;

/// <summary>
/// The port of one C# file from the Anthropic SDK's messages API to Microsoft.Extensions.AI <c>IChatClient</c>,
/// planned as edits of syntax nodes. An edit's text may include other edits inside it (a message item inside the
/// request), rendered first. Every name binding to the Anthropic SDK must be consumed by an edit; any other use is
/// listed in <see cref="Unsupported"/> and the recipe then changes no Anthropic code at all.
/// </summary>
internal sealed partial class MessagesRewrite(AnthropicMessagesToChatClient recipe, SemanticModel model)
{
    private const string Messages = "Anthropic.Models.Messages.";
    private readonly SyntaxNode _root = model.SyntaxTree.GetRoot();
    private readonly List<Edit> _edits = [];
    private readonly List<TextSpan> _accepted = [];
    private bool _createsClient;

    /// <summary>An edit of <see cref="Node"/> (or of <see cref="Span"/> when set); <see cref="Kept"/> nodes stay as written (their names are not consumed).</summary>
    private sealed record Edit(SyntaxNode Node, Func<string> Text, IReadOnlyList<SyntaxNode> Kept)
    {
        public TextSpan? Span { get; init; }
        public TextSpan Range => Span ?? Node.Span;
    }

    /// <summary>Places the port cannot handle: line and why.</summary>
    public List<(int Line, string Reason)> Unsupported { get; } = [];

    /// <summary>Things changed that a person should check.</summary>
    public List<(int Line, string Reason)> Notes { get; } = [];

    /// <summary>The text changes, valid once <see cref="Plan"/> returned with no <see cref="Unsupported"/> entry.</summary>
    public List<TextChange> Changes { get; } = [];

    /// <summary>True when the file uses the Anthropic SDK (so it is part of the all-or-nothing port).</summary>
    public bool HasAnthropicCode { get; private set; }

    /// <summary>Line of the first Anthropic use.</summary>
    public int FirstLine { get; private set; } = 1;

    /// <summary>Plans the edits; fills <see cref="Unsupported"/> when the file cannot be ported.</summary>
    public void Plan()
    {
        PlanClients();
        PlanCalls();
        PlanMessageItems();
        PlanResponses();
        PlanStreaming();
        PlanTypes();
        CheckCoverage();
        CheckValues();
        if (_edits.Count == 0 || Unsupported.Count > 0) return;
        PlanUsings();
        Render();
    }

    private void Replace(SyntaxNode node, Func<string> text, params SyntaxNode[] kept) => _edits.Add(new Edit(node, text, kept));

    // A call the port cannot take gets one step of its own, not one per Anthropic name inside it.
    private void Accept(SyntaxNode node) => _accepted.Add(node.Span);

    private bool IsConsumed(SyntaxNode name) => _accepted.Any(s => s.Contains(name.Span)) ||
        _edits.Any(e => e.Range.Contains(name.Span) && !e.Kept.Any(k => k.Span.Contains(name.Span)));

    private void CheckCoverage()
    {
        foreach (var name in _root.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            if (name.IsVar || name.Ancestors().Any(a => a is UsingDirectiveSyntax)) continue;
            var info = model.GetSymbolInfo(name);
            var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
            if (symbol is null or IParameterSymbol or ILocalSymbol || !IsAnthropic(symbol) || IsProviderSwapCode(name, symbol)) continue;
            if (!HasAnthropicCode) FirstLine = LineOf(name);
            HasAnthropicCode = true;
            if (IsConsumed(name)) continue;
            Unsupported.Add((LineOf(name), $"`{Describe(name)}` ({symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}) uses the Anthropic SDK in a way the swap does not port: port it by hand."));
        }
    }

    // A value of an Anthropic type handed to code that takes object or string (Console.WriteLine(message), $"{message}")
    // would print the IChatClient type's text instead: not the same output.
    private void CheckValues()
    {
        foreach (var identifier in _root.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Parent is not (ArgumentSyntax or InterpolationSyntax)) continue;
            if (identifier.Parent.Parent?.Parent is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } }) continue;
            if (model.GetTypeInfo(identifier).Type is not { } type || !IsAnthropicType(type)) continue;
            if (identifier.Parent is ArgumentSyntax argument && ParameterOf(argument) is { } parameter && (IsAnthropicType(parameter.Type) || parameter.Type.Name == "IEnumerable")) continue;
            if (IsConsumed(identifier)) continue;
            HasAnthropicCode = true;
            Unsupported.Add((LineOf(identifier), $"`{identifier.Parent}` hands the Anthropic {type.Name} to code that does not take it (it would print or serialize another type after the port): port it by hand."));
        }
    }

    // IChatClient code built on Anthropic (new AnthropicClient { ... }.AsIChatClient(model)) and its exceptions in catch
    // clauses: the provider swap that runs next (SwapChatClientProvider) rebuilds those, so they are not this port's.
    private static bool IsProviderSwapCode(SyntaxNode name, ISymbol symbol) =>
        name.Ancestors().Any(a => a is CatchDeclarationSyntax || IsChatClientAdapter(a))
        || (symbol as ITypeSymbol ?? symbol.ContainingType)?.ContainingNamespace?.ToDisplayString() == "Anthropic.Exceptions";

    private static bool IsChatClientAdapter(SyntaxNode node) =>
        node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsIChatClient", Expression: BaseObjectCreationExpressionSyntax } };

    private IParameterSymbol? ParameterOf(ArgumentSyntax argument)
    {
        if (argument.Parent?.Parent is not { } call || model.GetSymbolInfo(call).Symbol is not IMethodSymbol method) return null;
        if (argument.NameColon is { } named) return method.Parameters.FirstOrDefault(p => p.Name == named.Name.Identifier.ValueText);
        var index = ((ArgumentListSyntax)argument.Parent).Arguments.IndexOf(argument);
        return index < method.Parameters.Length ? method.Parameters[index] : method.Parameters.LastOrDefault(p => p.IsParams);
    }

    // Renders a node with every edit inside it applied.
    private string RenderNode(SyntaxNode node)
    {
        var own = _edits.FirstOrDefault(e => e.Node == node && e.Span is null);
        if (own is not null) return own.Text();
        var inner = TopLevel(_edits.Where(e => node.Span.Contains(e.Range) && e.Node != node)).OrderByDescending(e => e.Range.Start).ToList();
        var text = node.ToString();
        foreach (var edit in inner)
        {
            var start = edit.Range.Start - node.SpanStart;
            text = text[..start] + edit.Text() + text[(start + edit.Range.Length)..];
        }
        return text;
    }

    private static IEnumerable<Edit> TopLevel(IEnumerable<Edit> edits)
    {
        var list = edits.ToList();
        return list.Where(e => !list.Any(o => !ReferenceEquals(o, e) && o.Range.Contains(e.Range) && (o.Range != e.Range || list.IndexOf(o) < list.IndexOf(e))));
    }

    private void Render()
    {
        var top = TopLevel(_edits).OrderBy(e => e.Range.Start).ToList();
        for (var i = 1; i < top.Count; i++)
            if (top[i].Range.Start < top[i - 1].Range.End)
                Unsupported.Add((LineOf(top[i].Node), "two rewrites of Anthropic code overlap here: port it by hand."));
        if (Unsupported.Count > 0) return;
        foreach (var edit in top) Changes.Add(new TextChange(edit.Range, edit.Text()));
    }

    private void PlanUsings()
    {
        var directives = _root.DescendantNodes().OfType<UsingDirectiveSyntax>().Where(u => u.GlobalKeyword == default).ToList();
        var present = directives.Select(u => u.NamespaceOrType.ToString()).ToHashSet(StringComparer.Ordinal);
        var wanted = new List<string> { "Microsoft.Extensions.AI" };
        // OpenAI.Chat is not imported (its ChatMessage and ChatFinishReason would clash with Microsoft.Extensions.AI's): the
        // client is named in full, and `using OpenAI;` says the file uses the package (the package recipe reads usings).
        if (_createsClient) wanted.AddRange(recipe.To == ChatProvider.OpenAi ? ["OpenAI"] : recipe.To.Namespaces);
        var add = wanted.Distinct().Where(w => !present.Contains(w)).Order(StringComparer.Ordinal).ToList();
        var removable = directives.Where(u => u.Alias is null && u.StaticKeyword == default && IsAnthropicNamespace(u.NamespaceOrType.ToString())
            && !StillNeeded(u.NamespaceOrType.ToString())).ToList();
        if (removable.Count == 0)
        {
            var anchor = directives.LastOrDefault();
            var text = string.Concat(add.Select(a => $"using {a};\n"));
            _edits.Add(new Edit(anchor ?? _root, () => text, []) { Span = anchor is null ? new TextSpan(0, 0) : new TextSpan(LineSpan(anchor).End, 0) });
            return;
        }
        for (var i = 0; i < removable.Count; i++)
        {
            var indent = ScopeSearch.IndentOf(removable[i]);
            var text = i == 0 ? string.Concat(add.Select(a => $"{indent}using {a};\n")) : "";
            _edits.Add(new Edit(removable[i], () => text, []) { Span = LineSpan(removable[i]) });
        }
    }

    // True when a name no edit consumes binds to a type of exactly that namespace (the exceptions the provider swap maps next).
    private bool StillNeeded(string ns) =>
        _root.DescendantNodes().OfType<SimpleNameSyntax>().Any(name => !name.IsVar && !name.Ancestors().Any(a => a is UsingDirectiveSyntax) && !IsConsumed(name)
            && model.GetSymbolInfo(name).Symbol is { } symbol && (symbol as ITypeSymbol ?? symbol.ContainingType)?.ContainingNamespace?.ToDisplayString() == ns);

    // For steps: "an OpenAI key", "an Ollama model".
    private string ProviderName => recipe.To.Id == "ollama" ? "an Ollama" : "an OpenAI";

    internal static bool IsAnthropicNamespace(string name) => Recipes.Primitives.SymbolNames.IsNamespaceOrBelow(name, "Anthropic");

    private static bool IsAnthropic(ISymbol symbol)
    {
        var type = symbol as ITypeSymbol ?? symbol.ContainingType;
        return IsAnthropicNamespace((type?.ContainingNamespace ?? symbol.ContainingNamespace)?.ToDisplayString() ?? "");
    }

    private static bool IsAnthropicType(ITypeSymbol type) =>
        IsAnthropicNamespace(type.ContainingNamespace?.ToDisplayString() ?? "")
        || (type is INamedTypeSymbol named && named.TypeArguments.Any(IsAnthropicType));

    private static string FullName(ITypeSymbol type) => SymbolNames.FullName(type);

    private bool IsType(SyntaxNode node, params string[] fullNames) => model.GetTypeInfo(node).Type is { } type && fullNames.Contains(FullName(type));

    private static string Describe(SyntaxNode name)
    {
        var node = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        var text = node.ToString();
        return text.Length > 60 ? text[..57] + "..." : text;
    }

    private static int LineOf(SyntaxNode node) => ScopeSearch.LineOf(node);

    private static TextSpan LineSpan(SyntaxNode node)
    {
        var text = node.SyntaxTree.GetText();
        var start = text.Lines.GetLineFromPosition(node.SpanStart).Start;
        if (text.ToString(TextSpan.FromBounds(start, node.SpanStart)).Trim().Length > 0) start = node.SpanStart;
        return TextSpan.FromBounds(start, node.FullSpan.End);
    }

    // Model.ClaudeSonnet4_5 -> "claude-sonnet-4-5" (the SDK's own spelling of its constants, checked on 13.14.0).
    private static string? ModelId(string constant) =>
        ModelConstant().IsMatch(constant)
            ? string.Join("-", WordOrNumber().Matches(constant).Select(m => m.Value.ToLowerInvariant()))
            : null;

    [GeneratedRegex("^Claude([A-Z][a-z]+)+(\\d+(_\\d+)*)?$")]
    private static partial Regex ModelConstant();

    [GeneratedRegex("[A-Z][a-z]+|\\d+")]
    private static partial Regex WordOrNumber();
}
