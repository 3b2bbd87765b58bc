using OpenAI.Chat;

namespace ChatApp;

/// <summary>Tells callers why the model stopped, in every form C# has for testing an enum.</summary>
public sealed class ReplyChecks(ChatClient chat)
{
    public async Task<string> ExplainAsync(string question, bool verbose)
    {
        ChatCompletion completion = await chat.CompleteChatAsync([new UserChatMessage(question)]);
        switch (completion.FinishReason)
        {
            case ChatFinishReason.Stop:
                return completion.Content[0].Text;

            case ChatFinishReason.Length when verbose:
                return "cut short (the token limit)";

            case ChatFinishReason.Length:
            case ChatFinishReason.ContentFilter:
                return "cut short";

            case ChatFinishReason.FunctionCall:
            default:
                return "other: " + completion.FinishReason.ToString();
        }
    }

    public async Task<string> LabelAsync(string question)
    {
        ChatCompletion completion = await chat.CompleteChatAsync([new UserChatMessage(question)]);
        var done = completion.FinishReason is ChatFinishReason.Stop;
        var partial = completion.FinishReason is not ChatFinishReason.Stop;
        var cut = completion.FinishReason is ChatFinishReason.Length or ChatFinishReason.ContentFilter;
        var label = completion.FinishReason switch
        {
            ChatFinishReason.Stop => "done",
            ChatFinishReason.Length or ChatFinishReason.ContentFilter => "cut",
            ChatFinishReason.ToolCalls when completion.ToolCalls.Count > 1 => "tools",
            _ => "other",
        };
        return $"{label} {done} {partial} {cut}";
    }
}
