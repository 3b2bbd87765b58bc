using Toolkit.Transforms.Recipes;
using Toolkit.Transforms.Tests.Support;

namespace Toolkit.Transforms.Tests;

/// <summary>The recipe YAML format, the declarative recipes shipped with the toolkit, and their text rules.</summary>
[Collection(AppReferencesCollection.Name)]
public sealed class RecipeYamlSpecs(AppReferencesFixture app)
{
    public static TheoryData<string> DeclarativeRecipes() => new(RecipeCatalog.Default.Definitions.Select(d => d.Name));

    [Fact(Timeout = 30_000)]
    public async Task I_can_read_every_shipped_recipe_and_write_it_back_identically()
    {
        await Task.Yield();
        Assert.NotEmpty(RecipeCatalog.Default.Definitions);
        foreach (var definition in RecipeCatalog.Default.Definitions)
        {
            var yaml = RecipeYaml.Serialize(definition);
            var again = RecipeYaml.Parse(yaml, definition.Source);
            Assert.True(definition.SameAs(again), $"{definition.Name} changed in a YAML round trip:\n{yaml}");
            Assert.Equal(yaml, RecipeYaml.Serialize(again));
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_count_on_every_recipe_to_describe_itself_with_proper_punctuation()
    {
        await Task.Yield();
        var problems = new List<string>();
        foreach (var name in RecipeCatalog.Default.Names)
        {
            IRecipe recipe = RecipeCatalog.Default.IsBuiltIn(name)
                ? RecipeCatalog.Default.Create(name, ExampleArguments(name))
                : RecipeCatalog.Default.Create(name);
            Check(problems, recipe.Name, "display name", recipe.DisplayName, endsWithPeriod: false);
            Check(problems, recipe.Name, "description", recipe.Description, endsWithPeriod: true);
            foreach (var option in recipe.Options)
            {
                Check(problems, $"{recipe.Name}.{option.Name}", "option description", option.Description, endsWithPeriod: true);
                if (option.Example.Length == 0) problems.Add($"{recipe.Name}.{option.Name}: no example.");
            }
        }
        Assert.Empty(problems);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("Toolkit.Ai.OpenAiToAnthropic", "Recipes/Ai.OpenAiToAnthropic")]
    [InlineData("Toolkit.Ai.OpenAiToAnthropicConfiguration", "Recipes/Ai.OpenAiToAnthropicConfiguration")]
    [InlineData("Toolkit.Ai.OpenAiToAnthropic", "Recipes/Ai.OpenAiToAnthropic.Kept")]
    [InlineData("Toolkit.Ai.OpenAiToAnthropic", "Recipes/Ai.OpenAiToAnthropic.Blocked")]
    [InlineData("Toolkit.Storage.S3ToR2", "Recipes/Storage.S3ToR2")]
    [InlineData("Toolkit.Database.NeonToSupabase", "Recipes/Database.NeonToSupabase")]
    public Task I_can_run_each_shipped_recipe_over_its_fixture(string recipe, string fixture) => Task.Run(() =>
        RecipeFixture.Verify(RecipeCatalog.Default.Create(recipe), fixture, app.References));

    [Theory(Timeout = 30_000)]
    [InlineData("name: A\ndisplayName: B\ndescription: C.\nrecipeList:\n  - Toolkit.NoSuchRecipe\n", "bad.yml:5: unknown recipe 'Toolkit.NoSuchRecipe'")]
    [InlineData("name: A\ndescription: C.\nrecipeList:\n  - Toolkit.ChangePackage\n", "bad.yml:1: 'displayName' is required")]
    [InlineData("name: A\ndisplayName: B\ndescription: C.\nrecipeList:\n  - Toolkit.ChangePackage:\n      from: X\n      to: Y\n      verison: 1\n", "bad.yml:5: Toolkit.ChangePackage: unknown option 'verison'")]
    [InlineData("name: A\ndisplayName: B\ndescription: C.\nrecipeList:\n  - Toolkit.ChangePackage:\n      to: Y\n", "bad.yml:5: Toolkit.ChangePackage: option 'from' is required.")]
    [InlineData("name: A\ndisplayName: B\ndescription: C.\nrecipeList:\n  - A\n", "bad.yml: recipe 'A' includes itself (A -> A).")]
    [InlineData("name: A\ndisplayName: B\ndescription: C.\nrecipes: []\n", "bad.yml:4: unknown field 'recipes'")]
    [InlineData("name: [A\n", "bad.yml:")]
    public async Task I_can_see_which_file_and_line_is_wrong_in_a_bad_recipe(string yaml, string expected)
    {
        await Task.Yield();
        var error = Assert.Throws<RecipeException>(() => new RecipeCatalog([RecipeYaml.Parse(yaml, "bad.yml")]));
        Assert.Contains(expected, error.Message);
    }

    private static Dictionary<string, object> ExampleArguments(string name)
    {
        var options = RecipeCatalog.Default.Create(name, RequiredPlaceholders(name)).Options;
        return options.ToDictionary(o => o.Name, o => o.Example.Contains('=')
            ? (object)(IReadOnlyDictionary<string, string>)o.Example.Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1])
            : o.Example);
    }

    // Just enough to construct a recipe so it can list its options.
    private static Dictionary<string, object> RequiredPlaceholders(string name) => name switch
    {
        "Toolkit.ChangeConfigurationValue" => new() { ["key"] = "K", ["values"] = new Dictionary<string, string> { ["a"] = "b" } },
        "Toolkit.Rewriters.OpenAiChatToChatClient" => new() { ["provider"] = "anthropic" },
        "Toolkit.Rewriters.SwapChatClientProvider" => new() { ["from"] = "anthropic", ["to"] = "openai" },
        "Toolkit.Rewriters.AnthropicMessagesToChatClient" => new() { ["to"] = "openai", ["defaultModel"] = "gpt-4o-mini" },
        "Toolkit.RenameArgument" => new() { ["type"] = "T", ["method"] = "M", ["from"] = "a", ["to"] = "b" },
        "Toolkit.RenameMethod" => new() { ["type"] = "T", ["from"] = "a", ["to"] = "b" },
        "Toolkit.MapStoredValues" => new() { ["columnsOption"] = "o", ["script"] = "0001_s", ["values"] = new Dictionary<string, string> { ["a"] = "b" } },
        _ when name.StartsWith("Toolkit.Rewriters.", StringComparison.Ordinal) => new(),
        _ => new() { ["from"] = "a", ["to"] = "b" },
    };

    private static void Check(List<string> problems, string owner, string what, string text, bool endsWithPeriod)
    {
        if (string.IsNullOrWhiteSpace(text)) { problems.Add($"{owner}: no {what}."); return; }
        if (!char.IsUpper(text[0])) problems.Add($"{owner}: {what} does not start with a capital letter: '{text}'.");
        if (endsWithPeriod && !text.EndsWith('.')) problems.Add($"{owner}: {what} does not end with a period: '{text}'.");
        if (!endsWithPeriod && text.EndsWith('.')) problems.Add($"{owner}: {what} ends with a period: '{text}'.");
    }
}
