using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Recipes.Primitives;

/// <summary>Renames a configuration key or section in appsettings files and where C# reads it.</summary>
public sealed class RenameConfigurationKey : IRecipe
{
    /// <summary>Name used in recipe lists.</summary>
    public const string RecipeName = "Toolkit.RenameConfigurationKey";
    private readonly string _from;
    private readonly string _to;
    private readonly string? _keepWhileUsedBy;

    /// <summary>Configures the recipe from its options.</summary>
    /// <exception cref="RecipeException">The two keys are not in the same parent section.</exception>
    public RenameConfigurationKey(RecipeArguments arguments)
    {
        _from = arguments.Required("from");
        _to = arguments.Required("to");
        _keepWhileUsedBy = arguments.Optional("keepWhileUsedBy");
        if (Parent(_from) != Parent(_to))
            throw new RecipeException($"{RecipeName}: '{_from}' and '{_to}' must share their parent section (rename the section instead).");
    }

    /// <inheritdoc/>
    public string Name => RecipeName;

    /// <inheritdoc/>
    public string DisplayName => "Rename a configuration key";

    /// <inheritdoc/>
    public string Description =>
        "Renames a key or a whole section (Section:Key paths) in appsettings*.json and in the C# that reads it " +
        "(configuration[...], GetSection, GetValue, GetConnectionString, Bind; with the app's references, only real configuration reads, never a dictionary). " +
        "Comments and layout of the JSON are kept. With keepWhileUsedBy, nothing changes while code still uses the replaced namespace.";

    /// <inheritdoc/>
    public IReadOnlyList<RecipeOption> Options =>
    [
        new("from", "Configuration path to rename (a key or a section).", "OpenAI"),
        new("to", "New path, in the same parent section.", "Anthropic"),
        new("keepWhileUsedBy", "Namespace of the code being replaced: while a C# file still uses it, the key is kept (that code may read it) with a manual step.", "OpenAI", Required: false),
    ];

    /// <inheritdoc/>
    public void Run(SourceSet sources)
    {
        if (_keepWhileUsedBy is not null && HalfMigrationGuard.StillUsed(sources, _keepWhileUsedBy) is { } use)
        {
            foreach (var (path, line) in Occurrences(sources))
                sources.AddManualStep(path, line, HalfMigrationGuard.KeptBecause($"the configuration key '{_from}'", _keepWhileUsedBy, use));
            return;
        }
        foreach (var path in sources.Paths.Where(IsSettings).ToList()) RenameInJson(sources, path);
        foreach (var path in sources.CSharpFiles.ToList()) RenameInCode(sources, path);
    }

    private void RenameInJson(SourceSet sources, string path)
    {
        var text = sources.Read(path);
        if (!text.Contains(Last(_from), StringComparison.OrdinalIgnoreCase)) return; // cheap precondition
        IReadOnlyList<JsonPropertySpan> properties;
        try
        {
            properties = JsonPropertySpan.Read(text);
        }
        catch (JsonException e)
        {
            sources.AddManualStep(path, (int)(e.LineNumber ?? 0) + 1, $"not valid JSON, so '{_from}' was not renamed to '{_to}': {e.Message}");
            return;
        }
        // Configuration keys are case-insensitive.
        var from = properties.FirstOrDefault(p => p.Path.Equals(_from, StringComparison.OrdinalIgnoreCase));
        if (from is null) return;
        if (properties.Any(p => p.Path.Equals(_to, StringComparison.OrdinalIgnoreCase)))
        {
            sources.AddManualStep(path, TextLines.LineOf(text, from.NameStart), $"both '{_from}' and '{_to}' exist: merge them by hand.");
            return;
        }
        sources.Write(path, text[..from.NameStart] + JsonPropertySpan.Quote(Last(_to)) + text[(from.NameStart + from.NameLength)..]);
    }

    // Where the key is: its appsettings property (first file) and the code that reads it.
    private IEnumerable<(string Path, int Line)> Occurrences(SourceSet sources)
    {
        foreach (var path in sources.Paths.Where(IsSettings))
        {
            var text = sources.Read(path);
            if (!text.Contains(Last(_from), StringComparison.OrdinalIgnoreCase)) continue;
            IReadOnlyList<JsonPropertySpan> properties;
            try { properties = JsonPropertySpan.Read(text); }
            catch (JsonException) { continue; }
            if (properties.FirstOrDefault(p => p.Path.Equals(_from, StringComparison.OrdinalIgnoreCase)) is { } property)
                yield return (path, TextLines.LineOf(text, property.NameStart));
        }
        foreach (var path in sources.CSharpFiles)
        {
            if (!sources.Read(path).Contains(_from, StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var literal in Reads(sources, path))
                yield return (path, literal.GetLocation().GetLineSpan().StartLinePosition.Line + 1);
        }
    }

    private List<LiteralExpressionSyntax> Reads(SourceSet sources, string path)
    {
        var root = (CompilationUnitSyntax)sources.SyntaxTree(path).GetRoot();
        return ConfigurationKeyLiterals.In(root, sources.SemanticModel(path), key => Renamed(key) is not null).ToList();
    }

    private void RenameInCode(SourceSet sources, string path)
    {
        if (!sources.Read(path).Contains(_from, StringComparison.OrdinalIgnoreCase)) return; // cheap precondition
        var root = (CompilationUnitSyntax)sources.SyntaxTree(path).GetRoot();
        var matches = Reads(sources, path);
        if (matches.Count == 0) return;
        var changed = root.ReplaceNodes(matches, (original, _) => original.WithToken(
            SyntaxFactory.Literal(Renamed(original.Token.ValueText)!).WithTriviaFrom(original.Token)));
        sources.Write(path, changed.ToFullString());
    }

    private string? Renamed(string key) =>
        key.Equals(_from, StringComparison.OrdinalIgnoreCase) ? _to
        : key.StartsWith(_from + ":", StringComparison.OrdinalIgnoreCase) ? _to + key[_from.Length..]
        : null;

    internal static bool IsSettings(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
    }

    private static string Parent(string path) => path.Contains(':') ? path[..path.LastIndexOf(':')] : "";

    private static string Last(string path) => path[(path.LastIndexOf(':') + 1)..];
}
