using Microsoft.Extensions.AI;

namespace ChatApp;

/// <summary>Tells callers why the model stopped, in every form C# has for testing an enum.</summary>
public sealed class ReplyChecks(IChatClient chat)
{
    public async Task<string> ExplainAsync(string question, bool verbose)
    {
        ChatResponse completion = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, question)]);
        switch (completion.FinishReason)
        {
            case var reason when reason == ChatFinishReason.Stop:
                return completion.Text;

            case var reason when reason == ChatFinishReason.Length && verbose:
                return "cut short (the token limit)";

            case var reason when reason == ChatFinishReason.Length || reason == ChatFinishReason.ContentFilter:
                return "cut short";

            default:
                return "other: " + completion.FinishReason.ToString();
        }
    }

    public async Task<string> LabelAsync(string question)
    {
        ChatResponse completion = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, question)]);
        var done = completion.FinishReason == ChatFinishReason.Stop;
        var partial = completion.FinishReason != ChatFinishReason.Stop;
        var cut = (completion.FinishReason == ChatFinishReason.Length || completion.FinishReason == ChatFinishReason.ContentFilter);
        var label = completion.FinishReason switch
        {
            var reason when reason == ChatFinishReason.Stop => "done",
            var reason when reason == ChatFinishReason.Length || reason == ChatFinishReason.ContentFilter => "cut",
            var reason when reason == ChatFinishReason.ToolCalls && completion.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList().Count > 1 => "tools",
            _ => "other",
        };
        return $"{label} {done} {partial} {cut}";
    }
}
