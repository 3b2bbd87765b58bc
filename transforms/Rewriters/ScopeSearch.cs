using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Transforms.Recipes.Primitives;

namespace Toolkit.Transforms.Rewriters;

/// <summary>Finds a value of a given type that code at some point can use (parameters, then fields and properties).</summary>
public static class ScopeSearch
{
    /// <summary>
    /// The name of a parameter of the enclosing method or constructor, or a field or property of the
    /// enclosing type, whose type is <paramref name="typeFullName"/> (static ones only from a static member); null when there is none.
    /// </summary>
    public static string? Find(SemanticModel model, SyntaxNode at, string typeFullName)
    {
        foreach (var method in at.Ancestors().OfType<BaseMethodDeclarationSyntax>().Take(1))
        {
            foreach (var parameter in method.ParameterList.Parameters)
                if (model.GetDeclaredSymbol(parameter) is IParameterSymbol symbol && SymbolNames.IsOrDerivesFrom(symbol.Type, typeFullName))
                    return parameter.Identifier.ValueText;
        }
        // In a static member only the type's static fields and properties are in reach (not its primary constructor's parameters).
        var inStatic = at.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault() is { } enclosing && enclosing.Modifiers.Any(m => m.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StaticKeyword));
        if (at.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault() is { } type && model.GetDeclaredSymbol(type) is INamedTypeSymbol typeSymbol)
        {
            if (type.ParameterList is { } primary && !inStatic)
                foreach (var parameter in primary.Parameters)
                    if (model.GetDeclaredSymbol(parameter) is IParameterSymbol symbol && SymbolNames.IsOrDerivesFrom(symbol.Type, typeFullName))
                        return parameter.Identifier.ValueText;
            foreach (var member in typeSymbol.GetMembers().OrderBy(m => m.Name, StringComparer.Ordinal))
            {
                var memberType = member switch { IFieldSymbol f => f.Type, IPropertySymbol p => p.Type, _ => null };
                if (memberType is not null && !member.IsImplicitlyDeclared && (member.IsStatic || !inStatic) && SymbolNames.IsOrDerivesFrom(memberType, typeFullName)) return member.Name;
            }
        }
        return null;
    }

    /// <summary>The whitespace that starts the line holding <paramref name="node"/>.</summary>
    public static string IndentOf(SyntaxNode node)
    {
        var text = node.SyntaxTree.GetText();
        var line = text.Lines.GetLineFromPosition(node.SpanStart);
        var lineText = line.ToString();
        return lineText[..(lineText.Length - lineText.TrimStart().Length)];
    }

    /// <summary>The 1-based line of <paramref name="node"/>.</summary>
    public static int LineOf(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
}
