using Anthropic;
using Microsoft.Extensions.AI;



namespace ChatApp;

// The credential is a local of its own, used only to build the Azure client: both go with the port.
public class PlaygroundClient
{
    public async Task<string> AskAsync(Uri endpoint, string apiKey, string deployment, string system, string prompt, int maxTokens)
    {
        var chat = new AnthropicClient().AsIChatClient(deployment);

        var messages = new List<ChatMessage>()
        {
            new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, prompt),
        };
        var options = new ChatOptions { MaxOutputTokens = maxTokens };

        var result = await chat.GetResponseAsync(messages, options).ConfigureAwait(false);
        return result.Text;
    }
}
