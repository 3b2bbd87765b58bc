using Microsoft.Extensions.AI;
using OllamaSharp;

namespace ChatApp;

/// <summary>The endpoint and model in locals read only by the client: the endpoint goes, the model is mapped where it is set.</summary>
public static class Sketches
{
    public static IChatClient Create()
    {
        var ollamaEndpoint = "http://localhost:11434";
        var chatModel = "llama3.2";
        return new OllamaApiClient(ollamaEndpoint, chatModel);
    }

    public static IChatClient CreateNamed(string name)
    {
        var local = "phi4-mini";
        Console.WriteLine($"{name} uses {local}");
        return new OllamaApiClient(new Uri("http://localhost:11434"), local);
    }
}
