using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Recipes.Primitives;

/// <summary>Maps the text value of a configuration key through a table, in appsettings files and C# fallbacks.</summary>
public sealed class ChangeConfigurationValue : IRecipe
{
    /// <summary>Name used in recipe lists.</summary>
    public const string RecipeName = "Toolkit.ChangeConfigurationValue";
    private readonly string _key;
    private readonly IReadOnlyDictionary<string, string> _values;
    private readonly string? _keepWhileUsedBy;

    /// <summary>Configures the recipe from its options.</summary>
    public ChangeConfigurationValue(RecipeArguments arguments)
    {
        _key = arguments.Required("key");
        _values = arguments.Map("values");
        _keepWhileUsedBy = arguments.Optional("keepWhileUsedBy");
        if (_values.Count == 0) throw new RecipeException($"{RecipeName}: option 'values' needs at least one mapping.");
    }

    /// <inheritdoc/>
    public string Name => RecipeName;

    /// <inheritdoc/>
    public string DisplayName => "Map a configuration value";

    /// <inheritdoc/>
    public string Description =>
        "Replaces the text value of a key in appsettings*.json, and the fallback literal in C# code such as " +
        "configuration[\"Key\"] ?? \"value\", using a table of old to new values (a dated model id such as gpt-4o-2024-08-06 the table does not name maps as its family, gpt-4o, with a manual step). A value with no mapping is left alone with a manual step. A key ending in :* means every key in that section " +
        "(values with no mapping are then left alone silently). With keepWhileUsedBy, nothing changes while code still uses the replaced namespace.";

    /// <inheritdoc/>
    public IReadOnlyList<RecipeOption> Options =>
    [
        new("key", "Configuration path whose value is mapped; Section:* maps every key of the section.", "Anthropic:Model"),
        new("values", "Map of old value to new value.", "gpt-4o-mini=claude-haiku-4-5,gpt-4o=claude-sonnet-4-5"),
        new("keepWhileUsedBy", "Namespace of the code being replaced: while a C# file still uses it, values are kept (that code reads them) with a manual step.", "OpenAI.Chat", Required: false),
    ];

    /// <inheritdoc/>
    public void Run(SourceSet sources)
    {
        if (_keepWhileUsedBy is not null && HalfMigrationGuard.StillUsed(sources, _keepWhileUsedBy) is { } use)
        {
            foreach (var path in sources.Paths.Where(RenameConfigurationKey.IsSettings))
                foreach (var property in Mappable(sources.Read(path)).Where(p => ModelIds.Map(_values, p.StringValue!) is not null))
                    sources.AddManualStep(path, TextLines.LineOf(sources.Read(path), property.ValueStart),
                        HalfMigrationGuard.KeptBecause($"'{property.Path}' = '{property.StringValue}'", _keepWhileUsedBy, use));
            return;
        }
        foreach (var path in sources.Paths.Where(RenameConfigurationKey.IsSettings).ToList()) MapInJson(sources, path);
        foreach (var path in sources.CSharpFiles.ToList()) MapInCode(sources, path);
    }

    private void MapInJson(SourceSet sources, string path)
    {
        var text = sources.Read(path);
        var last = _key.TrimEnd('*', ':').Split(':')[^1];
        if (!text.Contains(last, StringComparison.OrdinalIgnoreCase)) return; // cheap precondition
        IReadOnlyList<JsonPropertySpan> properties;
        try
        {
            properties = JsonPropertySpan.Read(text);
        }
        catch (JsonException)
        {
            return; // the key rename reports invalid JSON; no second message
        }
        foreach (var property in properties.Where(Matches).OrderByDescending(p => p.ValueStart))
        {
            if (ModelIds.Map(_values, property.StringValue!) is { } mapped)
            {
                text = text[..property.ValueStart] + JsonPropertySpan.Quote(mapped.To) + text[(property.ValueStart + property.ValueLength)..];
                if (mapped.DatedNote is { } dated) sources.AddManualStep(path, TextLines.LineOf(text, property.ValueStart), $"'{property.Path}': {dated}");
            }
            else if (!IsSection && !_values.Values.Contains(property.StringValue) && property.StringValue!.Length > 0)
                sources.AddManualStep(path, TextLines.LineOf(text, property.ValueStart), $"'{_key}' is '{property.StringValue}', which has no mapping: choose the new value by hand.");
        }
        sources.Write(path, text);
    }

    private bool IsSection => _key.EndsWith(":*", StringComparison.Ordinal);

    private bool Matches(JsonPropertySpan property) => property.StringValue is not null && (IsSection
        ? property.Path.StartsWith(_key[..^1], StringComparison.OrdinalIgnoreCase)
        : property.Path.Equals(_key, StringComparison.OrdinalIgnoreCase));

    private bool MatchesKey(string key) => IsSection ? key.StartsWith(_key[..^1], StringComparison.OrdinalIgnoreCase) : key.Equals(_key, StringComparison.OrdinalIgnoreCase);

    private IEnumerable<JsonPropertySpan> Mappable(string text)
    {
        if (!text.Contains(_key.TrimEnd('*', ':').Split(':')[^1], StringComparison.OrdinalIgnoreCase)) return [];
        try { return JsonPropertySpan.Read(text).Where(Matches).ToList(); }
        catch (JsonException) { return []; }
    }

    private void MapInCode(SourceSet sources, string path)
    {
        var text = sources.Read(path);
        if (!text.Contains(_key.TrimEnd('*'), StringComparison.OrdinalIgnoreCase) || !text.Contains("??", StringComparison.Ordinal)) return; // cheap precondition
        var root = sources.SyntaxTree(path).GetRoot();
        var fallbacks = root.DescendantNodes().OfType<BinaryExpressionSyntax>()
            .Where(b => b.IsKind(SyntaxKind.CoalesceExpression) && b.Right is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression }
                && ConfigurationKeyLiterals.KeyReadBy(b.Left) is { } key && MatchesKey(key))
            .Select(b => (LiteralExpressionSyntax)b.Right)
            .ToList();
        foreach (var unmapped in fallbacks.Where(l => !IsSection && ModelIds.Map(_values, l.Token.ValueText) is null && !_values.Values.Contains(l.Token.ValueText)))
            sources.AddManualStep(path, unmapped.GetLocation().GetLineSpan().StartLinePosition.Line + 1,
                $"the fallback for '{_key}' is '{unmapped.Token.ValueText}', which has no mapping: choose the new value by hand.");
        var matches = fallbacks.Where(l => ModelIds.Map(_values, l.Token.ValueText) is not null).ToList();
        if (matches.Count == 0) return;
        foreach (var dated in matches.Where(l => ModelIds.Map(_values, l.Token.ValueText)!.DatedNote is not null))
            sources.AddManualStep(path, dated.GetLocation().GetLineSpan().StartLinePosition.Line + 1, $"the fallback for '{ConfigurationKeyLiterals.KeyReadBy(((BinaryExpressionSyntax)dated.Parent!).Left)}': {ModelIds.Map(_values, dated.Token.ValueText)!.DatedNote}");
        var changed = root.ReplaceNodes(matches, (original, _) => original.WithToken(
            SyntaxFactory.Literal(ModelIds.Map(_values, original.Token.ValueText)!.To).WithTriviaFrom(original.Token)));
        sources.Write(path, changed.ToFullString());
    }
}
