using Microsoft.Extensions.AI;

namespace ChatApp;

/// <summary>Describes images and looks up the weather through a tool.</summary>
public sealed class Vision(IChatClient client)
{
    private static readonly AITool WeatherTool = AIFunctionFactory.CreateDeclaration("get_weather", "Current weather for a city", System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"""));

    public async Task<string> DescribeAsync(Uri image, BinaryData thumbnail)
    {
        List<ChatMessage> messages =
        [
            new ChatMessage(ChatRole.User, [new TextContent("What is in these pictures?"), new UriContent(image, "image/*"), new DataContent(thumbnail.ToMemory(), "image/png")]),
        ];
        try
        {
            ChatResponse result = await client.GetResponseAsync(messages);
            return result.Text;
        }
        catch (Anthropic.Exceptions.AnthropicApiException e) when ((int)e.StatusCode == 429)
        {
            return $"busy ({(int)e.StatusCode})";
        }
    }

    public async Task<string> WeatherAsync(string question)
    {
        var options = new ChatOptions { Tools = [WeatherTool], ToolMode = ChatToolMode.Auto };
        List<ChatMessage> messages = [new ChatMessage(ChatRole.User, question)];
        ChatResponse completion = await client.GetResponseAsync(messages, options);
        if (completion.FinishReason == ChatFinishReason.ToolCalls)
        {
            messages.Add(completion.Messages.Last());
            foreach (FunctionCallContent call in completion.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList())
            {
                var arguments = System.Text.Json.JsonSerializer.Serialize(call.Arguments);
                messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, $"{call.Name}({arguments}): sunny")]));
            }
            completion = await client.GetResponseAsync(messages, options);
        }
        return completion.Text;
    }
}
