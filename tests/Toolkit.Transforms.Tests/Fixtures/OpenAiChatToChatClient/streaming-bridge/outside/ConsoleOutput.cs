using OpenAI.Chat;

namespace ChatApp.Terminal;

/// <summary>Code of a referenced project (the swap does not see it): it takes OpenAI's streamed updates.</summary>
public static class ConsoleOutput
{
    public static void Stream(string prompt, IEnumerable<StreamingChatCompletionUpdate?> updates)
    {
        Console.WriteLine(prompt);
        foreach (var update in updates)
        {
            if (update is null) continue;
            foreach (var part in update.ContentUpdate) Console.Write(part.Text);
        }
        Console.WriteLine();
    }
}
