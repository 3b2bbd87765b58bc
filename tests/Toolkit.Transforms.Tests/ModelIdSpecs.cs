using Toolkit.Transforms.Recipes;

namespace Toolkit.Transforms.Tests;

/// <summary>The one rule for model ids in a models map: exact, or a dated snapshot as its undated family.</summary>
public sealed class ModelIdSpecs
{
    private static readonly Dictionary<string, string> OpenAiToClaude = new() { ["gpt-4o"] = "claude-sonnet-4-5", ["gpt-4o-mini"] = "claude-haiku-4-5", ["gpt-5-mini"] = "claude-haiku-4-5", ["gpt-4"] = "claude-sonnet-4-5" };
    private static readonly Dictionary<string, string> ClaudeToOpenAi = new() { ["claude-3-5-sonnet-latest"] = "gpt-4o", ["claude-opus-4-1"] = "o3", ["claude-haiku-4-5-20251001"] = "gpt-4o-mini" };

    [Theory]
    [InlineData("gpt-4o-2024-08-06", "claude-sonnet-4-5", "gpt-4o")]
    [InlineData("gpt-4o-mini-2024-07-18", "claude-haiku-4-5", "gpt-4o-mini")]
    [InlineData("gpt-5-mini-2025-08-07", "claude-haiku-4-5", "gpt-5-mini")]
    [InlineData("gpt-4-0613", "claude-sonnet-4-5", "gpt-4")]
    [InlineData("gpt-4o", "claude-sonnet-4-5", null)]
    public void I_can_map_a_dated_openai_id_as_its_family(string id, string to, string? family)
    {
        var mapping = ModelIds.Map(OpenAiToClaude, id);
        Assert.Equal((to, family), (mapping?.To, mapping?.Family));
        Assert.Equal(family is null, mapping!.DatedNote is null);
    }

    [Theory]
    [InlineData("claude-3-5-sonnet-20241022", "gpt-4o", "claude-3-5-sonnet-latest")]
    [InlineData("claude-opus-4-1-20250805", "o3", "claude-opus-4-1")]
    [InlineData("claude-haiku-4-5-20251001", "gpt-4o-mini", null)]
    public void I_can_map_a_dated_anthropic_id_as_its_family_or_alias(string id, string to, string? family)
    {
        var mapping = ModelIds.Map(ClaudeToOpenAi, id);
        Assert.Equal((to, family), (mapping?.To, mapping?.Family));
    }

    [Theory]
    [InlineData("gpt-3.5-turbo-0125")] // dated, family not in the map
    [InlineData("claude-3-opus-20240229")]
    [InlineData("my-fine-tune")]
    [InlineData("gpt-4o-latest")]
    [InlineData("claude-sonnet-4-5")]
    public void I_can_rely_on_an_id_outside_the_map_staying_unmapped(string id)
    {
        Assert.Null(ModelIds.Map(OpenAiToClaude, id));
        Assert.Null(ModelIds.Map(ClaudeToOpenAi, id));
    }

    [Theory]
    [InlineData("llama3.2")]
    [InlineData("claude-sonnet-4-5")]
    [InlineData("gpt-4.1-mini")]
    [InlineData("o3")]
    public void I_can_rely_on_undated_ids_having_no_family(string id) => Assert.Null(ModelIds.Family(id));
}
