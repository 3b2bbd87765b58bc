using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Rewriters.OpenAi;

/// <summary>
/// The names of the methods that referenced projects compiled beside the app declare, read from their declarations
/// once per plan: a call whose name is not among them cannot be a referenced project's helper, so it is not bound
/// (binding a call binds its whole method).
/// </summary>
internal static class ReferencedMethodNames
{
    /// <summary>The method names declared in the source of the projects <paramref name="compilation"/> references.</summary>
    public static IReadOnlySet<string> Of(Compilation compilation)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.References.OfType<CompilationReference>().SelectMany(r => r.Compilation.SyntaxTrees))
            foreach (var method in Declarations.Members(tree.GetRoot()).OfType<MethodDeclarationSyntax>())
                names.Add(method.Identifier.ValueText);
        return names;
    }

    /// <summary>The name a call is made by (<c>x.Name(...)</c>, <c>Name(...)</c>, <c>x.Name&lt;T&gt;(...)</c>, <c>x?.Name(...)</c>), or null.</summary>
    public static string? CalledName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };
}
