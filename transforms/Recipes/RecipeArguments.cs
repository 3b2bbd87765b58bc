namespace Toolkit.Transforms.Recipes;

/// <summary>
/// The option values given to a recipe in a <c>recipeList</c>: strings, or string maps for
/// mappings. Lookups fail with a message naming the recipe and the option.
/// </summary>
public sealed class RecipeArguments
{
    private readonly IReadOnlyDictionary<string, object> _values;

    /// <summary>Wraps <paramref name="values"/> (each a string or an <c>IReadOnlyDictionary&lt;string, string&gt;</c>).</summary>
    public RecipeArguments(string recipeName, IReadOnlyDictionary<string, object>? values = null)
    {
        RecipeName = recipeName;
        _values = values ?? new Dictionary<string, object>();
    }

    /// <summary>The recipe these arguments are for (used in messages).</summary>
    public string RecipeName { get; }

    /// <summary>Every value, by option name.</summary>
    public IReadOnlyDictionary<string, object> Values => _values;

    /// <summary>A required string option.</summary>
    /// <exception cref="RecipeException">Missing or not a string.</exception>
    public string Required(string name) =>
        Optional(name) ?? throw new RecipeException($"{RecipeName}: option '{name}' is required.");

    /// <summary>A string option, or null when absent.</summary>
    public string? Optional(string name) => _values.TryGetValue(name, out var value)
        ? value as string ?? throw new RecipeException($"{RecipeName}: option '{name}' must be a text value.")
        : null;

    /// <summary>A map option (<c>from: to</c> pairs), empty when absent.</summary>
    public IReadOnlyDictionary<string, string> Map(string name) => _values.TryGetValue(name, out var value)
        ? value as IReadOnlyDictionary<string, string> ?? throw new RecipeException($"{RecipeName}: option '{name}' must be a map.")
        : new Dictionary<string, string>();

    /// <summary>Fails when an option is not one the recipe documents (catches typos in YAML).</summary>
    public void CheckKnown(IReadOnlyList<RecipeOption> options)
    {
        foreach (var key in _values.Keys.Where(k => options.All(o => o.Name != k)).Order(StringComparer.Ordinal))
            throw new RecipeException($"{RecipeName}: unknown option '{key}' (known: {string.Join(", ", options.Select(o => o.Name))}).");
    }
}

/// <summary>A recipe or recipe file that cannot be used; the message names the file, line or option.</summary>
public sealed class RecipeException(string message) : Exception(message);
