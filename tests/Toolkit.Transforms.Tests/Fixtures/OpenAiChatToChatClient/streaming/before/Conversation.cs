using OpenAI.Chat;

namespace ChatApp;

/// <summary>A running conversation: history, streaming and a blocking call.</summary>
public sealed class Conversation
{
    private readonly ChatClient _client = new("gpt-4o-mini", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
    private readonly List<ChatMessage> _history = [new SystemChatMessage("You are terse.")];

    public async Task StreamAsync(string prompt, TextWriter output)
    {
        _history.Add(new UserChatMessage(prompt));
        var reply = new System.Text.StringBuilder();
        await foreach (StreamingChatCompletionUpdate update in _client.CompleteChatStreamingAsync(_history))
        {
            foreach (ChatMessageContentPart part in update.ContentUpdate)
            {
                output.Write(part.Text);
                reply.Append(part.Text);
            }
        }
        _history.Add(new AssistantChatMessage(reply.ToString()));
    }

    public string Ask(IEnumerable<(string Role, string Text)> turns)
    {
        var messages = new List<ChatMessage>();
        foreach (var (role, text) in turns)
        {
            if (role == "user") messages.Add(ChatMessage.CreateUserMessage(text));
            else messages.Add(ChatMessage.CreateAssistantMessage(text));
        }
        ChatCompletion completion = _client.CompleteChat(messages);
        return completion.Content[0].Text;
    }
}
