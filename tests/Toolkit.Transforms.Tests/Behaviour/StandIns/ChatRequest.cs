using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Toolkit.Transforms.Tests.Behaviour.StandIns;

/// <summary>
/// A chat request as either provider's API received it, in one provider-neutral shape, so the requests an app
/// sends before and after a swap compare field by field: model, system prompt, messages (text, tool calls and
/// tool results), max tokens, temperature, stream flag and tools (name, description, JSON schema).
/// </summary>
public sealed record ChatRequest(
    string Model,
    string? System,
    IReadOnlyList<string> Messages,
    int? MaxTokens,
    double? Temperature,
    bool Stream,
    IReadOnlyList<string> Tools)
{
    /// <summary>Equal when every field is (the lists by content).</summary>
    public bool Equals(ChatRequest? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc />
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    /// <summary>One line per field, for assertion messages.</summary>
    public override string ToString() =>
        $"model: {Model}\nsystem: {System}\nmessages:\n  {string.Join("\n  ", Messages)}\nmax tokens: {MaxTokens}\n" +
        $"temperature: {Temperature?.ToString(CultureInfo.InvariantCulture)}\nstream: {Stream}\ntools:\n  {string.Join("\n  ", Tools)}";

    /// <summary>True when the conversation carries a tool result (the app answered a tool call).</summary>
    public bool HasToolResult => Messages.Any(m => m.StartsWith("tool result", StringComparison.Ordinal));

    /// <summary>An OpenAI <c>POST /v1/chat/completions</c> body.</summary>
    public static ChatRequest FromOpenAi(byte[] body)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        var system = new List<string>();
        var messages = new List<string>();
        foreach (var message in json["messages"]!.AsArray().Select(m => m!.AsObject()))
        {
            var role = (string)message["role"]!;
            var text = TextOf(message["content"]);
            switch (role)
            {
                case "system" or "developer": system.Add(text); break;
                case "tool": messages.Add($"tool result {(string)message["tool_call_id"]!}: {text}"); break;
                default:
                    if (text.Length > 0) messages.Add($"{role}: {text}");
                    foreach (var call in message["tool_calls"]?.AsArray() ?? [])
                        messages.Add($"tool call {(string)call!["id"]!}: {(string)call["function"]!["name"]!} {Canonical(JsonNode.Parse((string)call["function"]!["arguments"]!))}");
                    break;
            }
        }
        var tools = (json["tools"]?.AsArray() ?? []).Select(t => t!["function"]!)
            .Select(f => $"{(string)f["name"]!}: {(string?)f["description"]} {Canonical(f["parameters"])}").ToList();
        return new ChatRequest((string)json["model"]!, system.Count == 0 ? null : string.Join("\n", system), messages,
            (int?)(json["max_completion_tokens"] ?? json["max_tokens"]), Round(json["temperature"]), (bool?)json["stream"] ?? false, tools);
    }

    /// <summary>An Anthropic <c>POST /v1/messages</c> body.</summary>
    public static ChatRequest FromAnthropic(byte[] body)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        var messages = new List<string>();
        foreach (var message in json["messages"]!.AsArray().Select(m => m!.AsObject()))
        {
            var role = (string)message["role"]!;
            if (message["content"] is JsonValue plain) { messages.Add($"{role}: {(string)plain!}"); continue; }
            foreach (var block in message["content"]!.AsArray().Select(b => b!.AsObject()))
            {
                switch ((string)block["type"]!)
                {
                    case "text": if (((string)block["text"]!).Length > 0) messages.Add($"{role}: {(string)block["text"]!}"); break;
                    case "tool_use": messages.Add($"tool call {(string)block["id"]!}: {(string)block["name"]!} {Canonical(block["input"])}"); break;
                    case "tool_result": messages.Add($"tool result {(string)block["tool_use_id"]!}: {TextOf(block["content"])}"); break;
                    default: messages.Add($"{role}: <{(string)block["type"]!}>"); break;
                }
            }
        }
        var tools = (json["tools"]?.AsArray() ?? []).Select(t => $"{(string)t!["name"]!}: {(string?)t["description"]} {Canonical(t["input_schema"])}").ToList();
        var system = json["system"] is null ? null : TextOf(json["system"]);
        return new ChatRequest((string)json["model"]!, string.IsNullOrEmpty(system) ? null : system, messages,
            (int?)json["max_tokens"], Round(json["temperature"]), (bool?)json["stream"] ?? false, tools);
    }

    // A string, or an array of text parts/blocks joined.
    private static string TextOf(JsonNode? content) => content switch
    {
        null => "",
        JsonValue value => (string)value!,
        JsonArray parts => string.Join("", parts.Select(p => p is JsonValue v ? (string)v! : (string?)p!["text"] ?? $"<{(string?)p["type"]}>")),
        _ => content.ToJsonString(),
    };

    // float options arrive as 0.20000000298023224 from one SDK and 0.2 from another.
    private static double? Round(JsonNode? value) => value is null ? null : Math.Round((double)value, 3);

    /// <summary>JSON with object keys sorted and no whitespace, so equal documents print equal.</summary>
    public static string Canonical(JsonNode? node) => Sorted(node)?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "null";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };
}
