using Microsoft.Extensions.AI;
using OpenAI;

namespace ChatApp;

/// <summary>IChatClient only: this file moves even though Assistant.cs stays.</summary>
public static class Speller
{
    public static IChatClient Create() => new OpenAI.Chat.ChatClient("gpt-4o-mini", Environment.GetEnvironmentVariable("OPENAI_API_KEY")!).AsIChatClient();
}
