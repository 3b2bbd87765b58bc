using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Recipes;

/// <summary>
/// One self-describing transformation. It reads and replaces texts in a <see cref="SourceSet"/>
/// (never the disk), checks a cheap precondition before parsing a file, and records a manual step
/// where it is not sure. Running it twice changes nothing the second time.
/// </summary>
public interface IRecipe
{
    /// <summary>Unique dotted name, used in <c>recipeList</c> entries.</summary>
    string Name { get; }

    /// <summary>Short title; starts with a capital letter and does not end with a period.</summary>
    string DisplayName { get; }

    /// <summary>One or more sentences; ends with a period.</summary>
    string Description { get; }

    /// <summary>The options it takes, each documented with an example.</summary>
    IReadOnlyList<RecipeOption> Options { get; }

    /// <summary>Applies the recipe to <paramref name="sources"/> in memory.</summary>
    void Run(SourceSet sources);
}

/// <summary>A documented recipe option.</summary>
/// <param name="Name">Key used in YAML.</param>
/// <param name="Description">What it means; ends with a period.</param>
/// <param name="Example">An example value (a map is written as <c>a=b,c=d</c>).</param>
/// <param name="Required">False when the recipe has a default.</param>
public sealed record RecipeOption(string Name, string Description, string Example, bool Required = true);
