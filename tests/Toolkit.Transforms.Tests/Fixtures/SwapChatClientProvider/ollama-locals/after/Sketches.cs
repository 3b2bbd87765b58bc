using Microsoft.Extensions.AI;
using OpenAI;

namespace ChatApp;

/// <summary>The endpoint and model in locals read only by the client: the endpoint goes, the model is mapped where it is set.</summary>
public static class Sketches
{
    public static IChatClient Create()
    {
        var chatModel = "gpt-4o-mini";
        return new OpenAI.Chat.ChatClient(chatModel, Environment.GetEnvironmentVariable("OPENAI_API_KEY")!).AsIChatClient();
    }

    public static IChatClient CreateNamed(string name)
    {
        var local = "phi4-mini";
        Console.WriteLine($"{name} uses {local}");
        return new OpenAI.Chat.ChatClient(local, Environment.GetEnvironmentVariable("OPENAI_API_KEY")!).AsIChatClient();
    }
}
