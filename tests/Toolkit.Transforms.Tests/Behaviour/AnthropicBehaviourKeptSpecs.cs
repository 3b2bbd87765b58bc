using Toolkit.Transforms.Tests.Behaviour.StandIns;

namespace Toolkit.Transforms.Tests.Behaviour;

/// <summary>
/// Behaviour kept by <c>ai:anthropic=openai</c> on code calling the Anthropic SDK directly: the app sends the same
/// requests (model mapped by the swap's table) and prints the same output for the same canned answers, before on
/// Anthropic's messages API, after on OpenAI's chat completions through IChatClient.
/// </summary>
[Collection(AnthropicBehaviourCollection.Name)]
public sealed class AnthropicBehaviourKeptSpecs(AnthropicBehaviourRun run)
{
    // The swap's model table (ai-anthropic-to-openai.yml) for the model the app names (Model.ClaudeHaiku4_5).
    private const string ModelBefore = "claude-haiku-4-5", ModelAfter = "gpt-4o-mini";

    [Fact]
    public void A_message_with_system_prompt_and_max_tokens_sends_the_same_request_to_openai_and_prints_the_same_answer()
    {
        var (before, after) = Chats("chat");
        var request = Assert.Single(before);
        Assert.Equal("You are a terse geography tutor.", request.System);
        Assert.Equal(["user: What is the capital of France?"], request.Messages);
        Assert.Equal(200, request.MaxTokens);
        Assert.Null(request.Temperature); // Anthropic 13.14.0's MessageCreateParams has no temperature to send
        Assert.False(request.Stream);
        AssertSame("chat", before, after);
        Assert.Equal("Paris. [12 in, 3 out]\n", run.Before["chat"].Output);
        Assert.Equal(run.Before["chat"].Output, run.After["chat"].Output);
    }

    [Fact]
    public void A_streamed_message_streams_from_openai_and_prints_the_same_text()
    {
        var (before, after) = Chats("stream");
        Assert.True(Assert.Single(before).Stream);
        AssertSame("stream", before, after);
        Assert.Equal("Paris.\n", run.Before["stream"].Output);
        Assert.Equal(run.Before["stream"].Output, run.After["stream"].Output);
    }

    [Fact]
    public void The_swap_leaves_no_anthropic_package_and_a_second_plan_changes_nothing()
    {
        var project = File.ReadAllText(run.PathOf("AnthropicBehaviourApp.csproj"));
        Assert.DoesNotContain("Include=\"Anthropic\"", project, StringComparison.Ordinal);
        Assert.Contains("Include=\"Microsoft.Extensions.AI.OpenAI\"", project, StringComparison.Ordinal);
        Assert.Contains(run.Plan.ManualSteps, m => m.Path == "Assistant.cs" && m.Reason.Contains("ChatOptions.ModelId", StringComparison.Ordinal));
        Assert.Empty(run.SecondPlan.FileChanges);
    }

    private (IReadOnlyList<ChatRequest> Before, IReadOnlyList<ChatRequest> After) Chats(string mode)
    {
        Assert.All(run.Before[mode].Chats, c => Assert.Equal("anthropic", c.Api));
        Assert.All(run.After[mode].Chats, c => Assert.Equal("openai", c.Api));
        Assert.All(run.Before[mode].Chats, c => Assert.Equal(ModelBefore, c.Request.Model));
        return (run.Before[mode].Chats.Select(c => c.Request).ToList(), run.After[mode].Chats.Select(c => c.Request).ToList());
    }

    // The requests after the swap are the ones before with the model mapped, and nothing else changed.
    private void AssertSame(string mode, IReadOnlyList<ChatRequest> before, IReadOnlyList<ChatRequest> after)
    {
        var expected = before.Select(r => r with { Model = r.Model == ModelBefore ? ModelAfter : r.Model }).ToList();
        Assert.True(expected.SequenceEqual(after),
            $"{mode}: expected\n{string.Join("\n--\n", expected)}\n\nbut the app sent\n{string.Join("\n--\n", after)}\n\nraw before:\n{run.Before[mode].Raw}\nraw after:\n{run.After[mode].Raw}\n\n{run.Diff}");
    }
}
