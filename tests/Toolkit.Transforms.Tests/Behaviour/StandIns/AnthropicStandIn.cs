using System.Text.Json.Nodes;

namespace Toolkit.Transforms.Tests.Behaviour.StandIns;

/// <summary>
/// Anthropic's <c>POST /v1/messages</c>, answering <see cref="ChatScript"/> as a message or as its SSE event types
/// (message_start, content_block_start, ping, content_block_delta, content_block_stop, message_delta, message_stop).
/// </summary>
public static class AnthropicStandIn
{
    /// <summary>Starts the stand-in; the app's base URL (ANTHROPIC_BASE_URL) is <c>Url</c>.</summary>
    public static Task<StandInServer> StartAsync() => StandInServer.StartAsync(Answer);

    /// <summary>The message requests <paramref name="server"/> received, normalized.</summary>
    public static IReadOnlyList<ChatRequest> Chats(StandInServer server) =>
        server.Requests.Where(r => r.Path == "/v1/messages").Select(r => ChatRequest.FromAnthropic(r.Body)).ToList();

    private static CannedResponse Answer(RecordedRequest http)
    {
        if (http is not { Method: "POST", Path: "/v1/messages" })
            return new CannedResponse(404, "application/json", ["""{"type":"error","error":{"type":"not_found_error","message":"no such route"}}"""]);
        var request = ChatRequest.FromAnthropic(http.Body);
        var text = ChatScript.Answer(request);
        var stop = text is null ? "tool_use" : "end_turn";
        var toolUse = new JsonObject { ["type"] = "tool_use", ["id"] = ChatScript.ToolCallId, ["name"] = "get_weather", ["input"] = JsonNode.Parse(ChatScript.ToolArguments) };
        if (!request.Stream)
            return CannedResponse.Json(Message(request, text is null ? new JsonArray(toolUse) : new JsonArray(new JsonObject { ["type"] = "text", ["text"] = string.Concat(text) }),
                stop, ChatScript.OutputTokens).ToJsonString());

        var events = new List<string>
        {
            Event("message_start", new JsonObject { ["type"] = "message_start", ["message"] = Message(request, [], null, 1) }),
        };
        if (text is null)
        {
            toolUse["input"] = new JsonObject();
            events.Add(Event("content_block_start", new JsonObject { ["type"] = "content_block_start", ["index"] = 0, ["content_block"] = toolUse }));
            events.Add(Event("content_block_delta", new JsonObject { ["type"] = "content_block_delta", ["index"] = 0, ["delta"] = new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = ChatScript.ToolArguments } }));
        }
        else
        {
            events.Add(Event("content_block_start", new JsonObject { ["type"] = "content_block_start", ["index"] = 0, ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = "" } }));
            events.Add(Event("ping", new JsonObject { ["type"] = "ping" }));
            events.AddRange(text.Select(piece => Event("content_block_delta", new JsonObject
            {
                ["type"] = "content_block_delta", ["index"] = 0, ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = piece },
            })));
        }
        events.Add(Event("content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = 0 }));
        events.Add(Event("message_delta", new JsonObject
        {
            ["type"] = "message_delta", ["delta"] = new JsonObject { ["stop_reason"] = stop, ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = ChatScript.OutputTokens },
        }));
        events.Add(Event("message_stop", new JsonObject { ["type"] = "message_stop" }));
        return CannedResponse.Events(events);
    }

    private static JsonObject Message(ChatRequest request, JsonArray content, string? stop, int outputTokens) => new()
    {
        ["id"] = "msg_standin", ["type"] = "message", ["role"] = "assistant", ["model"] = request.Model, ["content"] = content,
        ["stop_reason"] = stop, ["stop_sequence"] = null,
        ["usage"] = new JsonObject { ["input_tokens"] = ChatScript.InputTokens, ["output_tokens"] = outputTokens },
    };

    private static string Event(string type, JsonObject data) => $"event: {type}\ndata: {data.ToJsonString()}\n\n";
}
