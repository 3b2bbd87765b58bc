using System.Text;
using Microsoft.Extensions.AI;

namespace ChatApp;

/// <summary>A tool loop: tools with no parameters and with a strict schema, the finish reason in a switch, history read back by message type.</summary>
public sealed class KnockKnock(IChatClient chat)
{
    private static readonly AITool ThemeTool = AIFunctionFactory.CreateDeclaration("pick_theme", "Picks a theme for a knock-knock joke", System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>("""{"type":"object","properties":{}}"""));

    private static readonly AITool RhymeTool = AIFunctionFactory.CreateDeclaration("find_rhyme", "Finds a word that rhymes", System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>("""{"type":"object","properties":{"word":{"type":"string"}},"required":["word"],"additionalProperties":false}"""));

    public (string User, string Assistant) Tell()
    {
        List<ChatMessage> messages = [new ChatMessage(ChatRole.System, "You tell knock-knock jokes."), new ChatMessage(ChatRole.User, "Tell me a joke.")];
        ChatOptions options = new() { Tools = [ThemeTool, RhymeTool] };
        bool again;
        do
        {
            again = false;
            ChatResponse completion = chat.GetResponseAsync(messages, options).GetAwaiter().GetResult();
            switch (completion.FinishReason)
            {
                case var reason when reason == ChatFinishReason.Stop:
                    messages.Add(completion.Messages.Last());
                    break;
                case var reason when reason == ChatFinishReason.ToolCalls:
                    messages.Add(completion.Messages.Last());
                    foreach (var call in completion.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList())
                    {
                        var result = call.Name switch
                        {
                            "pick_theme" => "doors",
                            _ => "orange: " + System.Text.Json.JsonSerializer.Serialize(call.Arguments),
                        };
                        messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, result)]));
                    }
                    again = true;
                    break;

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
                case ChatMessage userMessage when userMessage.Role == ChatRole.User:
                    user.AppendLine(userMessage.Text);
                    break;
                case ChatMessage reply when reply.Role == ChatRole.Assistant && (reply.Contents.OfType<TextContent>().ToList().Count > 0 || messages.Count == 1):
                    assistant.AppendLine(reply.Text);
                    break;
                case ChatMessage toolMessage when toolMessage.Role == ChatRole.Tool:
                    break;
            }
        }
        var tools = messages.Count(m => (m as ChatMessage)?.Role == ChatRole.Tool);
        var last = (messages[^1] is ChatMessage final && final.Role == ChatRole.Assistant) ? final.Text : "";
        var kind = messages[0] switch
        {
            ChatMessage systemMessage when systemMessage.Role == ChatRole.System => "system first",
            ChatMessage first when first.Role == ChatRole.User => "user first: " + first.Text,
            _ => "other first",
        };
        return (user.ToString(), $"{assistant}{last} ({tools} tool results, {kind})");
    }
}
