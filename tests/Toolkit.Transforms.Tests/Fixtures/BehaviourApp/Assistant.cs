using System.ClientModel;
using OpenAI;
using OpenAI.Chat;

namespace BehaviourApp;

/// <summary>Answers questions with OpenAI chat: a system prompt, options, streaming and a function tool.</summary>
public sealed class Assistant
{
    private static readonly ChatTool WeatherTool = ChatTool.CreateFunctionTool(
        functionName: "get_weather",
        functionDescription: "Current weather for a city",
        functionParameters: BinaryData.FromString("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"""));

    // The endpoint is configurable so a proxy (or a test stand-in) can serve the API.
    private readonly ChatClient _chat = new("gpt-4o-mini", new ApiKeyCredential(Environment.GetEnvironmentVariable("OPENAI_API_KEY")!), new OpenAIClientOptions
    {
        Endpoint = new Uri(Environment.GetEnvironmentVariable("OPENAI_BASE_URL") ?? "https://api.openai.com/v1"),
    });

    public async Task<string> AnswerAsync(string question)
    {
        var options = new ChatCompletionOptions { MaxOutputTokenCount = 200, Temperature = 0.2f };
        ChatCompletion completion = await _chat.CompleteChatAsync(
            [new SystemChatMessage("You are a terse geography tutor."), new UserChatMessage(question)], options);
        var ending = completion.FinishReason == ChatFinishReason.Length ? " (cut short)" : "";
        return $"{completion.Content[0].Text}{ending} [{completion.Usage.InputTokenCount} in, {completion.Usage.OutputTokenCount} out]";
    }

    public async Task StreamAsync(string question, TextWriter output)
    {
        List<ChatMessage> messages = [new SystemChatMessage("You are a terse geography tutor."), new UserChatMessage(question)];
        var options = new ChatCompletionOptions { MaxOutputTokenCount = 100 };
        await foreach (StreamingChatCompletionUpdate update in _chat.CompleteChatStreamingAsync(messages, options))
        {
            foreach (ChatMessageContentPart part in update.ContentUpdate)
                output.Write(part.Text);
        }
    }

    public async Task<string> WeatherAsync(string question)
    {
        var options = new ChatCompletionOptions { Tools = { WeatherTool }, MaxOutputTokenCount = 300 };
        List<ChatMessage> messages = [new UserChatMessage(question)];
        ChatCompletion completion = await _chat.CompleteChatAsync(messages, options);
        if (completion.FinishReason == ChatFinishReason.ToolCalls)
        {
            messages.Add(new AssistantChatMessage(completion));
            foreach (ChatToolCall call in completion.ToolCalls)
            {
                var arguments = call.FunctionArguments.ToString();
                Console.WriteLine($"tool {call.FunctionName}({arguments})");
                messages.Add(new ToolChatMessage(call.Id, $"{call.FunctionName}({arguments}): sunny, 21 C"));
            }
            completion = await _chat.CompleteChatAsync(messages, options);
        }
        return completion.Content[0].Text;
    }
}
