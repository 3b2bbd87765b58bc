using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Toolkit.Transforms.Recipes.Primitives;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Rewriters.OpenAi;

/// <summary>
/// The port of one C# file from OpenAI .NET 2.x chat to Microsoft.Extensions.AI <c>IChatClient</c>,
/// planned as edits over syntax nodes. An edit may keep sub-nodes (a receiver, an argument) that other
/// edits rewrite, so nested patterns compose (<c>result.Value.Content[0].Text</c>). Every OpenAI chat
/// symbol in the file must be consumed by an edit; any other use is listed in <see cref="Unsupported"/>
/// and the recipe then changes no chat code at all.
/// </summary>
internal sealed partial class ChatClientRewrite(OpenAiChatToChatClient recipe, SemanticModel model, OpenAiNames openAiNames)
{
    private readonly SyntaxNode _root = model.SyntaxTree.GetRoot();
    private readonly List<Edit> _edits = [];
    private readonly List<TextSpan> _accepted = [];
    private bool _needsLinq;
    private bool _createsClient;

    /// <summary>An edit of <see cref="Node"/> (or of <see cref="Span"/> when set): <see cref="Template"/> gets the rendered <see cref="Kept"/> nodes.</summary>
    private sealed record Edit(SyntaxNode Node, IReadOnlyList<SyntaxNode> Kept, Func<string[], string> Template)
    {
        public TextSpan? Span { get; init; }
        public TextSpan Range => Span ?? Node.Span;
    }

    /// <summary>Places the port cannot handle: line and why (in developer words).</summary>
    public List<(int Line, string Reason)> Unsupported { get; } = [];

    /// <summary>Things changed that a person should check (dropped options, defaults).</summary>
    public List<(int Line, string Reason)> Notes { get; } = [];

    /// <summary>Uses of OpenAI parts with no counterpart (embeddings, images, audio...): they stay on OpenAI.</summary>
    public List<(int Line, string What)> Kept { get; } = [];

    /// <summary>Chat call sites found (CompleteChat*, client creations).</summary>
    public int CallSites { get; private set; }

    /// <summary>True when the file has OpenAI chat code (so it is part of the all-or-nothing port).</summary>
    public bool HasChat => CallSites > 0 || _edits.Count > 0 || Unsupported.Count > 0;

    /// <summary>Line of the first chat code edit (1 when there is none).</summary>
    public int FirstChatLine => _edits.Where(e => e.Span is null).Select(e => LineOf(e.Node)).DefaultIfEmpty(1).Min();

    /// <summary>Names of members this file declares with OpenAI types in their signature (code elsewhere may use their values).</summary>
    public IEnumerable<string> OpenAiTypedMembers =>
        Declarations.Members(_root)
            .Where(m => m is MethodDeclarationSyntax or PropertyDeclarationSyntax or FieldDeclarationSyntax)
            .SelectMany(m => m is FieldDeclarationSyntax f ? f.Declaration.Variables.Select(v => model.GetDeclaredSymbol(v)) : [model.GetDeclaredSymbol(m)])
            .Where(s => s is not null && s.DeclaredAccessibility != Accessibility.Private && Signature(s).Any(MentionsOpenAi))
            .Select(s => s!.Name);

    private static IEnumerable<ITypeSymbol> Signature(ISymbol? symbol) => symbol switch
    {
        IMethodSymbol method => method.Parameters.Select(p => p.Type).Prepend(method.ReturnType),
        IPropertySymbol property => [property.Type],
        IFieldSymbol field => [field.Type],
        _ => [],
    };

    private static bool MentionsOpenAi(ITypeSymbol type) =>
        IsOpenAiNamespace(type.ContainingNamespace?.ToDisplayString() ?? "")
        || (type is INamedTypeSymbol named && named.TypeArguments.Any(MentionsOpenAi))
        || (type is IArrayTypeSymbol array && MentionsOpenAi(array.ElementType));

    /// <summary>The text changes, valid once <see cref="Plan"/> returned with no <see cref="Unsupported"/> entry.</summary>
    public List<TextChange> Changes { get; } = [];

    /// <summary>Plans the edits; fills <see cref="Unsupported"/> when the file cannot be ported.</summary>
    public void Plan()
    {
        PlanClients();
        PlanCalls();
        PlanMessages();
        PlanMembers();
        PlanReferencedHelpers();
        PlanRefusals();
        PlanHandedRootTypes();
        PlanTextReads();
        PlanErrors();
        PlanFinishReasonPatterns();
        PlanRolePatterns();
        PlanTypes();
        CheckFlow();
        CheckBridges();
        CheckReceivers();
        CheckMessages();
        CheckCoverage();
        if (_edits.Count == 0) return;
        PlanUsings();
        Render();
    }

    private void Replace(SyntaxNode node, string text) => _edits.Add(new Edit(node, [], _ => text));

    private void Replace(SyntaxNode node, SyntaxNode kept, Func<string, string> template) => _edits.Add(new Edit(node, [kept], k => template(k[0])));

    private void Replace(SyntaxNode node, IReadOnlyList<SyntaxNode> kept, Func<string[], string> template) => _edits.Add(new Edit(node, kept, template));

    private void Remove(SyntaxNode statement) => _edits.Add(new Edit(statement, [], _ => "") { Span = LineSpan(statement) });

    private void Accept(SyntaxNode node) => _accepted.Add(node.Span);

    private bool HasEdit(SyntaxNode node) => _edits.Any(e => e.Node == node);

    // A name is consumed when an edit covers it and it is not inside a node that edit keeps as it is.
    private bool IsConsumed(SyntaxNode name) =>
        _accepted.Any(s => s.Contains(name.Span))
        || _edits.Any(e => e.Range.Contains(name.Span) && !e.Kept.Any(k => k.Span.Contains(name.Span)));

    private void CheckCoverage()
    {
        foreach (var name in _root.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            if (name.IsVar || !openAiNames.CouldBind(name) || name.Ancestors().Any(a => a is UsingDirectiveSyntax) || IsConsumed(name)) continue;
            var symbol = model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault();
            if (symbol is null or IParameterSymbol || !IsOpenAiSymbol(symbol)) continue; // argument names: IChatClient's match
            if (!IsChatSymbol(symbol))
            {
                if (symbol is INamedTypeSymbol or IMethodSymbol { MethodKind: MethodKind.Constructor } || name.Parent is not MemberAccessExpressionSyntax)
                    Kept.Add((LineOf(name), symbol is INamedTypeSymbol t ? t.Name : symbol.ContainingType?.Name ?? symbol.Name));
                continue;
            }
            Unsupported.Add((LineOf(name), $"`{Describe(name)}` ({symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}) is OpenAI chat code the swap does not port: port it by hand."));
        }
    }

    private static string Describe(SyntaxNode name)
    {
        var node = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        var text = node.ToString();
        return text.Length > 60 ? text[..57] + "..." : text;
    }

    // Renders a node with every edit inside it applied (edits nest; a partial overlap is reported).
    private string RenderNode(SyntaxNode node)
    {
        var own = _edits.FirstOrDefault(e => e.Node == node && e.Span is null);
        if (own is not null) return own.Template(own.Kept.Select(RenderNode).ToArray());
        var inner = TopLevel(_edits.Where(e => node.Span.Contains(e.Range) && e.Node != node)).OrderByDescending(e => e.Range.Start).ToList();
        var text = node.ToString();
        foreach (var edit in inner)
        {
            var start = edit.Range.Start - node.SpanStart;
            text = text[..start] + RenderEdit(edit) + text[(start + edit.Range.Length)..];
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
                Unsupported.Add((LineOf(top[i].Node), "two rewrites of OpenAI code overlap here: port it by hand."));
        if (Unsupported.Count > 0) return;
        foreach (var edit in top)
            Changes.Add(new TextChange(edit.Range, RenderEdit(edit)));
    }

    // An edit of a node renders the node; one of a span (a line removed, labels replaced) renders its template.
    private string RenderEdit(Edit edit) => edit.Span is null ? RenderNode(edit.Node) : edit.Template(edit.Kept.Select(RenderNode).ToArray());

    private void PlanUsings()
    {
        var directives = _root.DescendantNodes().OfType<UsingDirectiveSyntax>().Where(u => u.GlobalKeyword == default).ToList();
        var present = directives.Select(u => (u.StaticKeyword == default ? "" : "static ") + u.NamespaceOrType).ToHashSet(StringComparer.Ordinal);
        var wanted = new List<string> { "Microsoft.Extensions.AI" };
        if (_bridged) wanted.Add("static " + StreamingBridges.Extensions);
        if (_createsClient) wanted.AddRange(recipe.Provider.Namespaces);
        var position = _root.DescendantNodes().OfType<MemberDeclarationSyntax>().FirstOrDefault()?.SpanStart ?? 0;
        if (_needsLinq && model.LookupNamespacesAndTypes(position, name: "Enumerable").All(s => s.ToDisplayString() != "System.Linq.Enumerable"))
            wanted.Add("System.Linq");
        // A directive of the replaced SDKs goes unless a name left in the file still needs it (the parts that stay).
        var removable = directives.Where(u => u.Alias is null && u.StaticKeyword == default && IsReplacedNamespace(u.NamespaceOrType.ToString())
            && !DeclaredInApp(u) && !StillNeeded(u.NamespaceOrType.ToString())).ToList();
        var add = wanted.Distinct().Where(w => !present.Contains(w)).Order(StringComparer.Ordinal).ToList();
        if (removable.Count == 0)
        {
            var anchor = directives.LastOrDefault();
            var text = string.Concat(add.Select(a => $"using {a};\n"));
            _edits.Add(new Edit(anchor ?? _root, [], _ => text) { Span = anchor is null ? new TextSpan(0, 0) : new TextSpan(LineSpan(anchor).End, 0) });
            return;
        }
        var first = true;
        foreach (var directive in removable)
        {
            var indent = Indent(directive);
            var text = first ? string.Concat(add.Select(a => $"{indent}using {a};\n")) : "";
            _edits.Add(new Edit(directive, [], _ => text) { Span = LineSpan(directive) });
            first = false;
        }
    }

    private static bool IsReplacedNamespace(string name) => IsOpenAiNamespace(name) || name == "Azure";

    // True when a name outside every edit binds to a type or member of exactly that namespace.
    private bool StillNeeded(string ns)
    {
        if (ns == "OpenAI.Chat") return false;
        foreach (var name in _root.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            if (name.IsVar || name.Ancestors().Any(a => a is UsingDirectiveSyntax) || IsConsumed(name)) continue;
            if (!ns.StartsWith("Azure", StringComparison.Ordinal) && !openAiNames.CouldBind(name)) continue; // only OpenAI names can need an OpenAI namespace (the names lists OpenAI's, not Azure's)
            var symbol = model.GetSymbolInfo(name).Symbol;
            var type = symbol as INamedTypeSymbol ?? (symbol is IMethodSymbol { IsExtensionMethod: true } or IMethodSymbol { ReducedFrom: not null } ? symbol.ContainingType : null);
            if (type is not null && type.ContainingNamespace?.ToDisplayString() == ns) return true;
        }
        return false;
    }

    // `using OpenAI.Samples;`: the app's own namespace, which only looks like OpenAI's.
    private bool DeclaredInApp(UsingDirectiveSyntax directive) =>
        model.GetSymbolInfo(directive.NamespaceOrType).Symbol is INamespaceSymbol ns && ns.GetTypeMembers().Any(t => t.Locations.Any(l => l.IsInSource));

    internal static bool IsOpenAiNamespace(string name) =>
        SymbolNames.IsNamespaceOrBelow(name, "OpenAI") || SymbolNames.IsNamespaceOrBelow(name, "System.ClientModel") || SymbolNames.IsNamespaceOrBelow(name, "Azure.AI.OpenAI");

    private static bool IsOpenAiSymbol(ISymbol symbol)
    {
        var type = symbol as ITypeSymbol ?? symbol.ContainingType;
        var ns = (type?.ContainingNamespace ?? symbol.ContainingNamespace)?.ToDisplayString() ?? "";
        return IsOpenAiNamespace(ns);
    }

    // Chat symbols must be ported; the rest (embeddings, images, audio, the shared OpenAIClient) may stay.
    private static bool IsChatSymbol(ISymbol symbol)
    {
        var type = symbol as ITypeSymbol ?? symbol.ContainingType;
        var ns = (type?.ContainingNamespace ?? symbol.ContainingNamespace)?.ToDisplayString() ?? "";
        if (ns == "OpenAI.Chat") return true;
        if (symbol is IMethodSymbol { Name: "GetChatClient" }) return true;
        if (type is INamedTypeSymbol { Name: "ClientResult", TypeArguments: [var argument] } && FullName(argument).StartsWith("OpenAI.Chat.", StringComparison.Ordinal)) return true;
        return false;
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

    private ITypeSymbol? TypeOf(SyntaxNode node) => model.GetTypeInfo(node).Type;

    private bool IsType(SyntaxNode node, string fullName) => TypeOf(node) is { } type && FullName(type) == fullName;

    private static bool IsString(LiteralExpressionSyntax literal) => literal.IsKind(SyntaxKind.StringLiteralExpression);
}
