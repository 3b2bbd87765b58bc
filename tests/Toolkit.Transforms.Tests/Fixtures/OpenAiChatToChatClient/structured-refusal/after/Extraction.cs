using Anthropic;
using Microsoft.Extensions.AI;

namespace ChatApp.StructuredRefusal;

/// <summary>Structured output with a JSON schema (strict), and the refusal read before the content.</summary>
public static class Extraction
{
    public static async Task<string?> PeopleAsync(string apiKey, string text)
    {
        var chat = new AnthropicClient { ApiKey = apiKey }.AsIChatClient("claude-haiku-4-5");
        var options = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>("""{"type":"object","properties":{"names":{"type":"array","items":{"type":"string"}}},"required":["names"]}"""), "people", "The people named in the text"),
        };
        ChatResponse result = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, text)], options);
        if ((result.FinishReason == ChatFinishReason.ContentFilter ? result.Text : null) is not null)
        {
            Console.WriteLine(result.FinishReason == ChatFinishReason.ContentFilter ? result.Text : null);
            return null;
        }
        return result.Text;
    }
}
