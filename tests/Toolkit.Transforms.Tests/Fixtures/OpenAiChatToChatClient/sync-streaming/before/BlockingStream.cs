using System.ClientModel;
using System.Text;
using OpenAI.Chat;

namespace ChatApp;

/// <summary>Streams without async, reads its key as configuration spells it in the environment, and hands a completion to code that takes anything.</summary>
public static class BlockingStream
{
    public static string Collect(string prompt)
    {
        ChatClient chat = new("gpt-4o-mini", Environment.GetEnvironmentVariable("OpenAI__ApiKey"));
        var text = new StringBuilder();
        CollectionResult<StreamingChatCompletionUpdate> updates = chat.CompleteChatStreaming(prompt);
        foreach (StreamingChatCompletionUpdate update in updates)
            foreach (ChatMessageContentPart part in update.ContentUpdate) text.Append(part.Text);
        return text.ToString();
    }

    public static void Show(ChatClient chat, string prompt)
    {
        ChatCompletion completion = chat.CompleteChat(prompt);
        Console.WriteLine(completion);
    }
}
