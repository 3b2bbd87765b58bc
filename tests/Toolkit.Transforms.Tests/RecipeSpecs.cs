using Toolkit.Transforms.Recipes;
using Toolkit.Transforms.Recipes.Primitives;
using Toolkit.Transforms.Tests.Support;

namespace Toolkit.Transforms.Tests;

/// <summary>The built-in recipes, each against before/after fixtures, each run twice.</summary>
[Collection(AppReferencesCollection.Name)]
public sealed class RecipeSpecs(AppReferencesFixture app)
{
    private static readonly Dictionary<string, string> OpenAiToAnthropic = new() { ["from"] = "OpenAI", ["to"] = "Anthropic", ["version"] = "12.36.0" };

    [Fact(Timeout = 60_000)]
    public Task I_can_swap_a_package_reference_and_keep_the_comments_around_it() => Task.Run(() =>
        RecipeFixture.Verify(RecipeFixture.Recipe(ChangePackage.RecipeName, OpenAiToAnthropic), "ChangePackage/project", null));

    [Fact(Timeout = 60_000)]
    public Task I_can_swap_a_centrally_managed_package_and_am_told_when_the_new_one_is_already_there() => Task.Run(() =>
        RecipeFixture.Verify(RecipeFixture.Recipe(ChangePackage.RecipeName, new Dictionary<string, string> { ["from"] = "OpenAI", ["to"] = "Anthropic.SDK", ["version"] = "5.0.0" }), "ChangePackage/central", null));

    [Fact(Timeout = 60_000)]
    public Task I_am_told_the_old_package_stays_while_code_uses_it_when_the_new_one_is_already_there() => Task.Run(() =>
        RecipeFixture.Verify(RecipeFixture.Recipe(ChangePackage.RecipeName,
            new Dictionary<string, string> { ["from"] = "OllamaSharp", ["to"] = "OpenAI", ["version"] = "2.15.0", ["keepWhileUsedBy"] = "OllamaSharp" }),
            "ChangePackage/already-referenced-still-used", null));

    private static IRecipe AddWhenPorted() => RecipeFixture.Recipe(ChangePackage.RecipeName,
        new Dictionary<string, string> { ["from"] = "OpenAI", ["to"] = "Anthropic", ["version"] = "13.14.0", ["keepWhileUsedBy"] = "OpenAI", ["addWhenUsedBy"] = "Anthropic" },
        new Dictionary<string, IReadOnlyDictionary<string, string>> { ["alongWith"] = new Dictionary<string, string> { ["Microsoft.Extensions.AI"] = "10.11.0" } });

    [Fact(Timeout = 60_000)]
    public Task I_can_get_the_new_package_added_when_the_old_one_came_in_through_another_package() => Task.Run(() =>
        RecipeFixture.Verify(AddWhenPorted(), "ChangePackage/transitive", null));

    [Fact(Timeout = 60_000)]
    public Task I_can_get_the_new_package_added_with_a_version_override_under_central_package_management() => Task.Run(() =>
        RecipeFixture.Verify(AddWhenPorted(), "ChangePackage/transitive-central", null));

    [Fact(Timeout = 60_000)]
    public Task I_can_rely_on_a_package_swap_to_leave_packages_with_a_similar_name_alone() => Task.Run(() =>
        RecipeFixture.Verify(RecipeFixture.Recipe(ChangePackage.RecipeName, OpenAiToAnthropic), "ChangePackage/unrelated", null));

    [Fact(Timeout = 60_000)]
    public Task I_can_rename_a_namespace_in_using_directives_without_duplicating_one() => Task.Run(() =>
        RecipeFixture.Verify(RecipeFixture.Recipe(RenameNamespace.RecipeName, new Dictionary<string, string> { ["from"] = "Legacy.Storage", ["to"] = "Modern.Storage" }), "RenameNamespace/usings", null));

    [Fact(Timeout = 60_000)]
    public Task I_can_rename_a_type_found_through_the_semantic_model() => Task.Run(() =>
        RecipeFixture.Verify(RecipeFixture.Recipe(RenameType.RecipeName, new Dictionary<string, string> { ["from"] = "Amazon.S3.Model.PutObjectAclRequest", ["to"] = "Amazon.S3.Model.PutACLRequest" }), "RenameType/acl", app.References));

    [Fact(Timeout = 60_000)]
    public Task I_can_rename_calls_of_a_method_on_an_interface_but_not_a_same_named_method_elsewhere() => Task.Run(() =>
        RecipeFixture.Verify(RecipeFixture.Recipe(RenameMethod.RecipeName, new Dictionary<string, string> { ["type"] = "Amazon.S3.IAmazonS3", ["from"] = "GetObjectAsync", ["to"] = "GetObjectStreamAsync" }), "RenameMethod/s3", app.References));

    [Fact(Timeout = 60_000)]
    public Task I_can_map_a_named_argument_of_one_constructor() => Task.Run(() =>
        RecipeFixture.Verify(RecipeFixture.Recipe(RenameArgument.RecipeName, new Dictionary<string, string> { ["type"] = "OpenAI.Chat.ChatClient", ["method"] = ".ctor", ["from"] = "model", ["to"] = "modelId" }), "RenameArgument/chat", app.References));

    [Fact(Timeout = 60_000)]
    public Task I_can_see_a_manual_step_instead_of_a_guess_when_references_are_missing() => Task.Run(() =>
        RecipeFixture.Verify(RecipeFixture.Recipe(RenameMethod.RecipeName, new Dictionary<string, string> { ["type"] = "Amazon.S3.IAmazonS3", ["from"] = "GetObjectAsync", ["to"] = "GetObjectStreamAsync" }), "RenameMethod/no-references", null));

    [Fact(Timeout = 60_000)]
    public Task I_can_rename_a_configuration_section_in_settings_and_in_the_code_that_reads_it() => Task.Run(() =>
        RecipeFixture.Verify(RecipeFixture.Recipe(RenameConfigurationKey.RecipeName, new Dictionary<string, string> { ["from"] = "OpenAI", ["to"] = "Anthropic" }), "RenameConfigurationKey/section", null));

    [Fact(Timeout = 60_000)]
    public Task I_can_map_configuration_values_and_get_a_manual_step_for_an_unknown_one() => Task.Run(() =>
        RecipeFixture.Verify(RecipeFixture.Recipe(ChangeConfigurationValue.RecipeName, new Dictionary<string, string> { ["key"] = "Anthropic:Model" },
            new Dictionary<string, IReadOnlyDictionary<string, string>> { ["values"] = new Dictionary<string, string> { ["gpt-4o"] = "claude-sonnet-4-5", ["gpt-4o-mini"] = "claude-haiku-4-5" } }),
            "ChangeConfigurationValue/models", null));

    // A dated OpenAI id (gpt-4o-2024-08-06) the table does not name maps as its family (gpt-4o), with a step saying the new id is not pinned.
    [Fact(Timeout = 60_000)]
    public Task I_can_map_dated_model_ids_as_their_family_in_settings_and_fallbacks() => Task.Run(() =>
        RecipeFixture.Verify(RecipeFixture.Recipe(ChangeConfigurationValue.RecipeName, new Dictionary<string, string> { ["key"] = "OpenAI:*" },
            new Dictionary<string, IReadOnlyDictionary<string, string>> { ["values"] = new Dictionary<string, string> { ["gpt-4o"] = "claude-sonnet-4-5", ["gpt-4o-mini"] = "claude-haiku-4-5", ["gpt-5-mini"] = "claude-haiku-4-5" } }),
            "ChangeConfigurationValue/dated-models", null));

    private static IRecipe StoredModels() => RecipeFixture.Recipe(MapStoredValues.RecipeName,
        new Dictionary<string, string> { ["columnsOption"] = "anthropic.modelColumns", ["script"] = "0001_anthropic_model_ids" },
        new Dictionary<string, IReadOnlyDictionary<string, string>> { ["values"] = new Dictionary<string, string> { ["gpt-4o-mini"] = "claude-haiku-4-5", ["gpt-4.1-mini"] = "claude-haiku-4-5", ["it's"] = "quoted" } });

    private static readonly Dictionary<string, string> AppFiles = new() { ["App.cs"] = "namespace App;\n" };

    [Fact]
    public void I_can_get_a_database_script_with_an_exact_down_script_for_values_stored_in_the_columns_an_option_names()
    {
        var options = new Dictionary<string, string> { ["anthropic.modelColumns"] = "tenant_settings.ai_model, billing.plans.model" };
        var result = RecipeFixture.Run(StoredModels(), AppFiles, null, options);

        Assert.Empty(result.Edits);
        var script = Assert.Single(result.DatabaseScripts);
        Assert.Equal("0001_anthropic_model_ids.sql", script.Name);
        Assert.True(script.MigratesData);
        var folder = RecipeFixture.Folder("MapStoredValues");
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "0001_anthropic_model_ids.sql")), script.Up);
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "0001_anthropic_model_ids.down.sql")), script.Down);
        Assert.Equal(result.DatabaseScripts, RecipeFixture.Run(StoredModels(), AppFiles, null, options).DatabaseScripts);
    }

    [Fact]
    public void I_can_leave_out_the_option_and_get_no_database_script()
    {
        Assert.Empty(RecipeFixture.Run(StoredModels(), AppFiles, null).DatabaseScripts);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("Tenant_Settings.ai_model")]
    [InlineData("ai_model")]
    [InlineData("tenant_settings.ai_model; DROP TABLE x")]
    [InlineData("a.b.c.d")]
    public async Task I_can_see_a_value_that_is_not_a_column_refused_by_name(string columns)
    {
        await Task.Yield();
        var error = Assert.Throws<Toolkit.Core.Diagnostics.DiagnosticException>(() =>
            RecipeFixture.Run(StoredModels(), AppFiles, null, new Dictionary<string, string> { ["anthropic.modelColumns"] = columns }));
        Assert.Contains("TK-SWAP-003", error.Message);
        Assert.Contains("anthropic.modelColumns", error.Message);
        Assert.Contains($"'{columns.Split(',')[0].Trim()}' is not a column", error.Message);
    }
}
