using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Recipes.Primitives;

/// <summary>
/// The "no half-migration" rule, for every swap: a configuration key, model id or package changes only
/// when every piece of code that reads it is migrated in the same plan; otherwise it is kept and the
/// plan says why. A recipe that changes such a thing names the namespace of the code being replaced
/// (its <c>keepWhileUsedBy</c> option); while any C# file still uses that namespace after the code
/// rewriters ran, that code may read the thing, so it stays.
/// <code>
/// if (HalfMigrationGuard.StillUsed(sources, "OpenAI") is { } use)
///     sources.AddManualStep(path, line, $"kept: {use} still uses OpenAI, which reads it");
/// </code>
/// </summary>
public static class HalfMigrationGuard
{
    /// <summary>
    /// The first place (<c>path:line</c>, path order) where C# code still imports <paramref name="ns"/>
    /// or a namespace below it (a using directive, global ones included), or null when no code does.
    /// </summary>
    public static string? StillUsed(SourceSet sources, string ns)
    {
        foreach (var path in sources.CSharpFiles)
        {
            var text = sources.Read(path);
            if (!text.Contains(ns, StringComparison.Ordinal)) continue; // cheap precondition
            var directive = Declarations.Usings(sources.SyntaxTree(path).GetRoot())
                .FirstOrDefault(u => SymbolNames.IsNamespaceOrBelow(u.NamespaceOrType.ToString(), ns));
            if (directive is not null) return $"{path}:{directive.GetLocation().GetLineSpan().StartLinePosition.Line + 1}";
        }
        return null;
    }

    /// <summary>The manual step text for a kept <paramref name="what"/> (a key, a value, a package).</summary>
    public static string KeptBecause(string what, string ns, string use) =>
        $"{what} was kept because code that may read it still uses {ns} ({use}): change it once that code is migrated (ported code that reads it now needs the new provider's value: set that by hand).";
}
