using Microsoft.Extensions.AI;

namespace ChatApp;

/// <summary>Takes the registered IChatClient: nothing here names Ollama, so nothing here changes.</summary>
public sealed class Headlines(IChatClient chat)
{
    public async Task<string> WriteAsync(string topic) =>
        (await chat.GetResponseAsync($"One headline about {topic}.")).Text;
}
