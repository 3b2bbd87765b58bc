using System.ClientModel;
using OpenAI.Chat;

namespace ChatApp;

/// <summary>Describes images and looks up the weather through a tool.</summary>
public sealed class Vision(ChatClient client)
{
    private static readonly ChatTool WeatherTool = ChatTool.CreateFunctionTool(
        functionName: "get_weather",
        functionDescription: "Current weather for a city",
        functionParameters: BinaryData.FromString("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"""));

    public async Task<string> DescribeAsync(Uri image, BinaryData thumbnail)
    {
        List<ChatMessage> messages =
        [
            new UserChatMessage(
                ChatMessageContentPart.CreateTextPart("What is in these pictures?"),
                ChatMessageContentPart.CreateImagePart(image),
                ChatMessageContentPart.CreateImagePart(thumbnail, "image/png")),
        ];
        try
        {
            ClientResult<ChatCompletion> result = await client.CompleteChatAsync(messages);
            return result.Value.Content[0].Text;
        }
        catch (ClientResultException e) when (e.Status == 429)
        {
            return $"busy ({e.Status})";
        }
    }

    public async Task<string> WeatherAsync(string question)
    {
        var options = new ChatCompletionOptions { Tools = { WeatherTool }, ToolChoice = ChatToolChoice.CreateAutoChoice() };
        List<ChatMessage> messages = [new UserChatMessage(question)];
        ChatCompletion completion = await client.CompleteChatAsync(messages, options);
        if (completion.FinishReason == ChatFinishReason.ToolCalls)
        {
            messages.Add(new AssistantChatMessage(completion));
            foreach (ChatToolCall call in completion.ToolCalls)
            {
                var arguments = call.FunctionArguments.ToString();
                messages.Add(new ToolChatMessage(call.Id, $"{call.FunctionName}({arguments}): sunny"));
            }
            completion = await client.CompleteChatAsync(messages, options);
        }
        return completion.Content[0].Text;
    }
}
