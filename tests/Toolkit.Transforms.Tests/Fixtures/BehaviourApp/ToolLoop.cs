using System.ClientModel;
using System.Text;
using OpenAI;
using OpenAI.Chat;

namespace BehaviourApp;

/// <summary>A tool loop as samples write it: a strict tool, a switch on the finish reason, the history read back by message type.</summary>
public sealed class ToolLoop
{
    private static readonly ChatTool WeatherTool = ChatTool.CreateFunctionTool(
        "get_weather",
        "Current weather for a city",
        BinaryData.FromString("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"""),
        functionSchemaIsStrict: true);

    private readonly ChatClient _chat = new("gpt-4o-mini", new ApiKeyCredential(Environment.GetEnvironmentVariable("OPENAI_API_KEY")!), new OpenAIClientOptions
    {
        Endpoint = new Uri(Environment.GetEnvironmentVariable("OPENAI_BASE_URL") ?? "https://api.openai.com/v1"),
    });

    public async Task<string> RunAsync(string question)
    {
        List<ChatMessage> messages = [new UserChatMessage(question)];
        ChatCompletionOptions options = new() { Tools = { WeatherTool }, MaxOutputTokenCount = 300 };
        bool again;
        do
        {
            again = false;
            ChatCompletion completion = await _chat.CompleteChatAsync(messages, options);
            switch (completion.FinishReason)
            {
                case ChatFinishReason.Stop:
                    messages.Add(new AssistantChatMessage(completion));
                    break;
                case ChatFinishReason.ToolCalls:
                    messages.Add(new AssistantChatMessage(completion));
                    foreach (var call in completion.ToolCalls)
                        messages.Add(new ToolChatMessage(call.Id, $"{call.FunctionName}({call.FunctionArguments.ToString()}): sunny, 21 C"));
                    again = true;
                    break;
                case ChatFinishReason.Length or ChatFinishReason.ContentFilter:
                    return "cut short";
                case ChatFinishReason.FunctionCall:
                    throw new InvalidOperationException("deprecated function call");
                default:
                    return "stopped: " + completion.FinishReason.ToString();
            }
        } while (again);

        var transcript = new StringBuilder();
        foreach (var message in messages)
        {
            switch (message)
            {
                case UserChatMessage user:
                    transcript.AppendLine("user: " + user.Content[0].Text);
                    break;
                case AssistantChatMessage assistant when assistant.Content.Count > 0:
                    transcript.AppendLine("assistant: " + assistant.Content[0].Text);
                    break;
                case AssistantChatMessage:
                    transcript.AppendLine("assistant: (tool call)");
                    break;
                case ToolChatMessage:
                    transcript.AppendLine("tool: (result)");
                    break;
            }
        }
        return transcript.ToString().TrimEnd();
    }
}
