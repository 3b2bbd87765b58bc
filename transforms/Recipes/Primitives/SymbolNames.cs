using Microsoft.CodeAnalysis;

namespace Toolkit.Transforms.Recipes.Primitives;

/// <summary>How recipes compare a bound symbol with a fully qualified name from YAML.</summary>
public static class SymbolNames
{
    /// <summary><c>Namespace.Type</c> without generic arguments or <c>global::</c>.</summary>
    public static string FullName(ITypeSymbol type) =>
        type.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat
            .WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted)
            .WithGenericsOptions(SymbolDisplayGenericsOptions.None));

    /// <summary>True when <paramref name="name"/> (a namespace, <c>global::</c> allowed) is <paramref name="ns"/> or a namespace below it.</summary>
    public static bool IsNamespaceOrBelow(string name, string ns)
    {
        if (name.StartsWith("global::", StringComparison.Ordinal)) name = name["global::".Length..];
        return name == ns || (name.StartsWith(ns, StringComparison.Ordinal) && name.Length > ns.Length && name[ns.Length] == '.');
    }

    /// <summary>True when <paramref name="type"/>, a base type or an interface it implements is <paramref name="fullName"/>.</summary>
    public static bool IsOrDerivesFrom(ITypeSymbol? type, string fullName)
    {
        for (var t = type; t is not null; t = t.BaseType)
            if (FullName(t) == fullName) return true;
        return type?.AllInterfaces.Any(i => FullName(i) == fullName) == true;
    }
}
