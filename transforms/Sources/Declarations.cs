using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Toolkit.Transforms.Sources;

/// <summary>
/// A file's declarations, read without descending into member bodies (the cheap way to learn what a file
/// declares or imports before anything is bound).
/// </summary>
internal static class Declarations
{
    /// <summary>The using directives of <paramref name="root"/>: at the top and in its namespaces.</summary>
    public static IEnumerable<UsingDirectiveSyntax> Usings(SyntaxNode root) =>
        root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>();

    /// <summary>The members <paramref name="root"/> declares, in its namespaces and types (nested types too), without their bodies' insides.</summary>
    public static IEnumerable<MemberDeclarationSyntax> Members(SyntaxNode root) =>
        root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax).OfType<MemberDeclarationSyntax>();
}
