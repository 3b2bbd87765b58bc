using System.Text.Json.Nodes;

namespace Toolkit.Transforms.Tests.Behaviour.StandIns;

/// <summary>OpenAI's <c>POST /v1/chat/completions</c>, answering <see cref="ChatScript"/> as JSON or as SSE chunks ending in <c>[DONE]</c>.</summary>
public static class OpenAiStandIn
{
    /// <summary>Starts the stand-in; the app's endpoint is <c>Url + "/v1"</c>.</summary>
    public static Task<StandInServer> StartAsync() => StandInServer.StartAsync(Answer);

    /// <summary>The chat requests <paramref name="server"/> received, normalized.</summary>
    public static IReadOnlyList<ChatRequest> Chats(StandInServer server) =>
        server.Requests.Where(r => r.Path == "/v1/chat/completions").Select(r => ChatRequest.FromOpenAi(r.Body)).ToList();

    private static CannedResponse Answer(RecordedRequest http)
    {
        if (http is not { Method: "POST", Path: "/v1/chat/completions" })
            return new CannedResponse(404, "application/json", ["""{"error":{"message":"no such route","type":"invalid_request_error"}}"""]);
        var request = ChatRequest.FromOpenAi(http.Body);
        var text = ChatScript.Answer(request);
        var usage = new JsonObject { ["prompt_tokens"] = ChatScript.InputTokens, ["completion_tokens"] = ChatScript.OutputTokens, ["total_tokens"] = ChatScript.InputTokens + ChatScript.OutputTokens };
        if (!request.Stream)
        {
            var message = text is null
                ? new JsonObject
                {
                    ["role"] = "assistant", ["content"] = null,
                    ["tool_calls"] = new JsonArray(new JsonObject
                    {
                        ["id"] = ChatScript.ToolCallId, ["type"] = "function",
                        ["function"] = new JsonObject { ["name"] = "get_weather", ["arguments"] = ChatScript.ToolArguments },
                    }),
                }
                : new JsonObject { ["role"] = "assistant", ["content"] = string.Concat(text) };
            return CannedResponse.Json(Completion(request, "chat.completion", new JsonObject
            {
                ["index"] = 0, ["message"] = message, ["finish_reason"] = text is null ? "tool_calls" : "stop",
            }, usage).ToJsonString());
        }
        var events = new List<string>
        {
            Event(Completion(request, "chat.completion.chunk", Delta(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null), null)),
        };
        events.AddRange((text ?? []).Select(piece => Event(Completion(request, "chat.completion.chunk", Delta(new JsonObject { ["content"] = piece }, null), null))));
        events.Add(Event(Completion(request, "chat.completion.chunk", Delta(new JsonObject(), "stop"), null)));
        var last = Completion(request, "chat.completion.chunk", null, usage);
        events.Add(Event(last));
        events.Add("data: [DONE]\n\n");
        return CannedResponse.Events(events);
    }

    private static JsonObject Delta(JsonObject delta, string? finish) => new() { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish };

    private static JsonObject Completion(ChatRequest request, string kind, JsonObject? choice, JsonObject? usage)
    {
        var json = new JsonObject
        {
            ["id"] = "chatcmpl-standin", ["object"] = kind, ["created"] = 1_700_000_000, ["model"] = request.Model,
            ["choices"] = choice is null ? new JsonArray() : new JsonArray(choice),
        };
        if (usage is not null) json["usage"] = usage;
        return json;
    }

    private static string Event(JsonObject data) => $"data: {data.ToJsonString()}\n\n";
}
