using static OpenAI.Chat.ChatMessage;

namespace App;

/// <summary>Builds prompts with OpenAI's factory methods, imported as bare names.</summary>
public static class Prompts
{
    public static object Question(string text) => CreateUserMessage(text);
}
