using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Toolkit.Transforms.Rewriters.OpenAi;

internal sealed partial class ChatClientRewrite
{
    /// <summary>
    /// For a file with no chat code: the removal of its using directives of the replaced SDKs that nothing
    /// in it uses (an interface file left with <c>using OpenAI.Chat;</c>). When the port removes the package
    /// such a directive no longer compiles (CS0246), though the file never needed it.
    /// </summary>
    public IReadOnlyList<TextChange> UnusedDirectiveRemovals()
    {
        if (HasChat) return [];
        var directives = _root.DescendantNodes().OfType<UsingDirectiveSyntax>().ToList();
        var unused = directives
            .Where(u => u.GlobalKeyword == default && u.Alias is null && u.StaticKeyword == default && IsReplacedNamespace(u.NamespaceOrType.ToString())
                && !NameUsedFrom(u.NamespaceOrType.ToString()))
            .ToList();
        var changes = unused.Select(u => new TextChange(LineSpan(u), "")).ToList();
        // All of the file's directives go: the blank line that set them apart goes too.
        if (unused.Count > 0 && unused.Count == directives.Count && BlankLineAfter(changes[^1].Span) is { } blank)
            changes[^1] = new TextChange(TextSpan.FromBounds(changes[^1].Span.Start, blank.End), "");
        return changes;
    }

    private TextSpan? BlankLineAfter(TextSpan span)
    {
        var text = _root.SyntaxTree.GetText();
        if (span.End >= text.Length) return null;
        var line = text.Lines.GetLineFromPosition(span.End);
        return line.Start == span.End && text.ToString(line.Span).Trim().Length == 0 ? line.SpanIncludingLineBreak : null;
    }

    // StillNeeded, for chat namespaces too: a file without chat code may still name OpenAI.Chat types in a cref or a nameof.
    private bool NameUsedFrom(string ns) =>
        StillNeeded(ns) || (ns == "OpenAI.Chat" && _root.DescendantNodes().OfType<SimpleNameSyntax>()
            .Any(n => !n.Ancestors().Any(a => a is UsingDirectiveSyntax) && model.GetSymbolInfo(n).Symbol is { } s && (s as ITypeSymbol ?? s.ContainingType)?.ContainingNamespace?.ToDisplayString() == ns));
}
