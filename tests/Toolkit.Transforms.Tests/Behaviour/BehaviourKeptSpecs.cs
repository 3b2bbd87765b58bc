using Toolkit.Transforms.Tests.Behaviour.StandIns;

namespace Toolkit.Transforms.Tests.Behaviour;

/// <summary>
/// Behaviour kept, not just a build: the app sends the same requests (model mapped by the swap's table) and prints
/// the same output for the same canned answers, before <c>ai:openai=anthropic</c> + <c>storage:s3=r2</c> on OpenAI
/// and S3, after them on Anthropic and R2. Each spec reads one mode of the shared <see cref="BehaviourRun"/>.
/// </summary>
[Collection(BehaviourCollection.Name)]
public sealed class BehaviourKeptSpecs(BehaviourRun run)
{
    // The swap's model table (ai-openai-to-anthropic.yml) for the model the app names.
    private const string ModelBefore = "gpt-4o-mini", ModelAfter = "claude-haiku-4-5";

    [Fact]
    public void A_chat_with_system_prompt_max_tokens_and_temperature_sends_the_same_request_to_anthropic_but_the_temperature_and_prints_the_same_answer()
    {
        var (before, after) = Chats("chat");
        var request = Assert.Single(before);
        Assert.Equal("You are a terse geography tutor.", request.System);
        Assert.Equal(["user: What is the capital of France?"], request.Messages);
        Assert.Equal(200, request.MaxTokens);
        Assert.Equal(0.2, request.Temperature);
        Assert.False(request.Stream);
        // Anthropic 13.14.0's IChatClient sends no temperature: the only field lost, and the plan says so at the line.
        Assert.Null(Assert.Single(after).Temperature);
        Assert.Contains(run.Plan.ManualSteps, m => m.Path == "Assistant.cs" && m.Reason.Contains("does not send ChatOptions.Temperature", StringComparison.Ordinal));
        AssertSame("chat", before.Select(r => r with { Temperature = null }).ToList(), after);
        Assert.Equal("Paris. [12 in, 3 out]\n", run.Before["chat"].Output);
        Assert.Equal(run.Before["chat"].Output, run.After["chat"].Output);
    }

    [Fact]
    public void A_streamed_chat_streams_from_anthropic_and_prints_the_same_text()
    {
        var (before, after) = Chats("stream");
        Assert.True(Assert.Single(before).Stream);
        AssertSame("stream", before, after);
        Assert.Equal("Paris.\n", run.Before["stream"].Output);
        Assert.Equal(run.Before["stream"].Output, run.After["stream"].Output);
    }

    [Fact]
    public void A_function_tool_round_trip_offers_the_same_tool_answers_the_same_call_and_prints_the_same_result()
    {
        var (before, after) = Chats("tools");
        Assert.Equal(2, before.Count);
        Assert.Equal([$"get_weather: Current weather for a city {"""{"properties":{"city":{"type":"string"}},"required":["city"],"type":"object"}"""}"], before[0].Tools);
        Assert.Equal(
            ["user: What is the weather in Paris?", $"tool call {ChatScript.ToolCallId}: get_weather {ChatScript.ToolArguments}",
             $"tool result {ChatScript.ToolCallId}: get_weather({ChatScript.ToolArguments}): sunny, 21 C"],
            before[1].Messages);
        // Anthropic's IChatClient closes the tool's schema (additionalProperties: false): the same arguments are
        // accepted, so that one difference is expected; any other fails.
        AssertSame("tools", before.Select(r => r with { Tools = r.Tools.Select(t => t.Replace("{\"properties\"", "{\"additionalProperties\":false,\"properties\"", StringComparison.Ordinal)).ToList() }).ToList(), after);
        Assert.Equal($"tool get_weather({ChatScript.ToolArguments})\nIt is sunny in Paris, 21 C.\n", run.Before["tools"].Output);
        Assert.Equal(run.Before["tools"].Output, run.After["tools"].Output);
    }

    /// <summary>The loop samples write: a switch on the finish reason (case labels rewritten), the history read back by message type (now by role), a strict tool (dropped, noted).</summary>
    [Fact]
    public void A_tool_loop_switching_on_the_finish_reason_sends_the_same_requests_and_prints_the_same_transcript()
    {
        var (before, after) = Chats("loop");
        Assert.Equal(2, before.Count);
        AssertSame("loop", before.Select(r => r with { Tools = r.Tools.Select(t => t.Replace("{\"properties\"", "{\"additionalProperties\":false,\"properties\"", StringComparison.Ordinal)).ToList() }).ToList(), after);
        Assert.Equal("user: What is the weather in Paris?\nassistant: (tool call)\ntool: (result)\nassistant: It is sunny in Paris, 21 C.\n", run.Before["loop"].Output);
        Assert.Equal(run.Before["loop"].Output, run.After["loop"].Output);
        Assert.Contains(run.Plan.ManualSteps, m => m.Path == "ToolLoop.cs" && m.Reason.StartsWith("`functionSchemaIsStrict: true` was dropped", StringComparison.Ordinal));
    }

    [Fact]
    public void An_object_upload_and_download_goes_to_r2_with_the_same_content_signed_for_region_auto_without_payload_signing()
    {
        var before = run.Before["s3"].Objects;
        var after = run.After["s3"].Objects;
        Assert.All(before, o => Assert.Equal("s3", o.Api));
        Assert.All(after, o => Assert.Equal("r2", o.Api));
        Assert.Equal(["PUT /documents/notes/2026/hello.txt", "GET /documents/notes/2026/hello.txt"], before.Select(o => $"{o.Request.Method} {o.Request.Path}"));
        Assert.Equal(before.Select(o => (o.Request.Method, o.Request.Path, o.Request.ContentType, o.Request.Payload)),
            after.Select(o => (o.Request.Method, o.Request.Path, o.Request.ContentType, o.Request.Payload)));
        Assert.All(before, o => Assert.Equal("us-east-1", o.Request.Region));
        Assert.All(after, o => Assert.Equal("auto", o.Request.Region));
        // R2 takes no streaming (aws-chunked) signed payloads: the swap's DisablePayloadSigning must reach the wire.
        var put = after.Single(o => o.Request.Method == "PUT").Request;
        Assert.Equal("UNSIGNED-PAYLOAD", put.PayloadSigning);
        Assert.False(put.AwsChunked);
        Assert.StartsWith("STREAMING-", before.Single(o => o.Request.Method == "PUT").Request.PayloadSigning);
        Assert.Equal("34 bytes: Hello from the app, héllo wörld.\n", run.Before["s3"].Output);
        Assert.Equal(run.Before["s3"].Output, run.After["s3"].Output);
    }

    [Fact]
    public void The_plan_names_the_settings_the_swapped_app_reads_and_a_second_plan_changes_nothing()
    {
        Assert.Contains(run.Plan.ManualSteps, m => m.Path == "Assistant.cs" && m.Reason.Contains("ANTHROPIC_BASE_URL", StringComparison.Ordinal));
        Assert.Contains(run.Plan.ManualSteps, m => m.Path == "Documents.cs" && m.Reason.Contains("AWS_ENDPOINT_URL_S3", StringComparison.Ordinal));
        Assert.Empty(run.SecondPlan.FileChanges);
        Assert.DoesNotContain("Include=\"OpenAI\"", File.ReadAllText(run.PathOf("BehaviourApp.csproj")), StringComparison.Ordinal);
    }

    private (IReadOnlyList<ChatRequest> Before, IReadOnlyList<ChatRequest> After) Chats(string mode)
    {
        Assert.All(run.Before[mode].Chats, c => Assert.Equal("openai", c.Api));
        Assert.All(run.After[mode].Chats, c => Assert.Equal("anthropic", c.Api));
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
