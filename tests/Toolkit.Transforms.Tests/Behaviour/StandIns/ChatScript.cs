namespace Toolkit.Transforms.Tests.Behaviour.StandIns;

/// <summary>
/// The canned conversation both chat stand-ins play, whatever the provider: a request offering tools and not yet
/// carrying a tool result gets a <c>get_weather</c> call; one carrying the result gets the weather; anything else
/// gets the capital. Same words and token counts on every API, so an app's output must not change with the swap.
/// </summary>
public static class ChatScript
{
    /// <summary>Id of the tool call the stand-ins make.</summary>
    public const string ToolCallId = "call_weather_1";

    /// <summary>Arguments of that call, as compact JSON.</summary>
    public const string ToolArguments = """{"city":"Paris"}""";

    /// <summary>Input and output token counts reported with every answer.</summary>
    public const int InputTokens = 12, OutputTokens = 3;

    /// <summary>What the model "says" to <paramref name="request"/>: text pieces (streamed one by one), or null for a tool call.</summary>
    public static IReadOnlyList<string>? Answer(ChatRequest request) =>
        request.HasToolResult ? ["It is sunny ", "in Paris, ", "21 C."]
        : request.Tools.Count > 0 ? null
        : ["Par", "is", "."];
}
