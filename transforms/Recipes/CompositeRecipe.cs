using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Recipes;

/// <summary>A declarative recipe: runs the recipes of its <c>recipeList</c> in order.</summary>
public sealed class CompositeRecipe(RecipeDefinition definition, IReadOnlyList<IRecipe> recipeList) : IRecipe
{
    /// <inheritdoc/>
    public string Name => definition.Name;

    /// <inheritdoc/>
    public string DisplayName => definition.DisplayName;

    /// <inheritdoc/>
    public string Description => definition.Description;

    /// <inheritdoc/>
    public IReadOnlyList<RecipeOption> Options => [];

    /// <summary>The definition it was built from.</summary>
    public RecipeDefinition Definition => definition;

    /// <summary>The recipes it runs, in order.</summary>
    public IReadOnlyList<IRecipe> RecipeList => recipeList;

    /// <inheritdoc/>
    public void Run(SourceSet sources)
    {
        foreach (var recipe in recipeList) recipe.Run(sources);
    }
}
