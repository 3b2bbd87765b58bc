using System.Text;
using OpenAI.Chat;

namespace ChatApp;

/// <summary>A tool loop: tools with no parameters and with a strict schema, the finish reason in a switch, history read back by message type.</summary>
public sealed class KnockKnock(ChatClient chat)
{
    private static readonly ChatTool ThemeTool = ChatTool.CreateFunctionTool(
        functionName: "pick_theme",
        functionDescription: "Picks a theme for a knock-knock joke");

    private static readonly ChatTool RhymeTool = ChatTool.CreateFunctionTool(
        "find_rhyme",
        "Finds a word that rhymes",
        BinaryData.FromString("""{"type":"object","properties":{"word":{"type":"string"}},"required":["word"],"additionalProperties":false}"""),
        functionSchemaIsStrict: true);

    public (string User, string Assistant) Tell()
    {
        List<ChatMessage> messages = [new SystemChatMessage("You tell knock-knock jokes."), new UserChatMessage("Tell me a joke.")];
        ChatCompletionOptions options = new() { Tools = { ThemeTool, RhymeTool } };
        bool again;
        do
        {
            again = false;
            ChatCompletion completion = chat.CompleteChat(messages, options);
            switch (completion.FinishReason)
            {
                case ChatFinishReason.Stop:
                    messages.Add(new AssistantChatMessage(completion));
                    break;
                case ChatFinishReason.ToolCalls:
                    messages.Add(new AssistantChatMessage(completion));
                    foreach (var call in completion.ToolCalls)
                    {
                        var result = call.FunctionName switch
                        {
                            "pick_theme" => "doors",
                            _ => "orange: " + call.FunctionArguments.ToString(),
                        };
                        messages.Add(new ToolChatMessage(call.Id, result));
                    }
                    again = true;
                    break;

                // Deprecated function calling.
                case ChatFinishReason.FunctionCall:
                    throw new InvalidOperationException("function calls are not used here");

                default:
                    throw new InvalidOperationException(completion.FinishReason.ToString());
            }
        } while (again);

        var user = new StringBuilder();
        var assistant = new StringBuilder();
        foreach (var message in messages)
        {
            switch (message)
            {
                case UserChatMessage userMessage:
                    user.AppendLine(userMessage.Content[0].Text);
                    break;
                case AssistantChatMessage reply when reply.Content.Count > 0 || messages.Count == 1:
                    assistant.AppendLine(reply.Content[0].Text);
                    break;
                case ToolChatMessage:
                    break;
            }
        }
        var tools = messages.Count(m => m is ToolChatMessage);
        var last = messages[^1] is AssistantChatMessage final ? final.Content[0].Text : "";
        var kind = messages[0] switch
        {
            SystemChatMessage => "system first",
            UserChatMessage first => "user first: " + first.Content[0].Text,
            _ => "other first",
        };
        return (user.ToString(), $"{assistant}{last} ({tools} tool results, {kind})");
    }
}
