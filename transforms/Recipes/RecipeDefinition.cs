namespace Toolkit.Transforms.Recipes;

/// <summary>A declarative recipe as written in YAML: its text and the recipes it runs, in order.</summary>
public sealed record RecipeDefinition(string Name, string DisplayName, string Description, IReadOnlyList<RecipeStep> RecipeList)
{
    /// <summary>Where it was read from (resource or file name), for messages.</summary>
    public string Source { get; init; } = "";

    /// <summary>Structural equality over the list (records compare lists by reference).</summary>
    public bool SameAs(RecipeDefinition other) =>
        Name == other.Name && DisplayName == other.DisplayName && Description == other.Description
        && RecipeList.Count == other.RecipeList.Count && RecipeList.Zip(other.RecipeList).All(p => p.First.SameAs(p.Second));
}

/// <summary>One <c>recipeList</c> entry: a recipe name and its option values.</summary>
public sealed record RecipeStep(string RecipeName, IReadOnlyDictionary<string, object> Options)
{
    /// <summary>Line in the YAML file, for messages (0 when built in code).</summary>
    public int Line { get; init; }

    /// <summary>Structural equality over options (strings and string maps).</summary>
    public bool SameAs(RecipeStep other) =>
        RecipeName == other.RecipeName && Options.Count == other.Options.Count
        && Options.All(o => other.Options.TryGetValue(o.Key, out var v) && SameValue(o.Value, v));

    private static bool SameValue(object a, object b) => (a, b) switch
    {
        (string x, string y) => x == y,
        (IReadOnlyDictionary<string, string> x, IReadOnlyDictionary<string, string> y) =>
            x.Count == y.Count && x.All(e => y.TryGetValue(e.Key, out var v) && v == e.Value),
        _ => false,
    };
}
