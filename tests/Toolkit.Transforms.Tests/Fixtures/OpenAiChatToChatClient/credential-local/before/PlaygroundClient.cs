using System.ClientModel;

using Azure.AI.OpenAI;

using OpenAI.Chat;

namespace ChatApp;

// The credential is a local of its own, used only to build the Azure client: both go with the port.
public class PlaygroundClient
{
    public async Task<string> AskAsync(Uri endpoint, string apiKey, string deployment, string system, string prompt, int maxTokens)
    {
        var credential = new ApiKeyCredential(apiKey);
        var openai = new AzureOpenAIClient(endpoint, credential);
        var chat = openai.GetChatClient(deployment);

        var messages = new List<ChatMessage>()
        {
            new SystemChatMessage(system), new UserChatMessage(prompt),
        };
        var options = new ChatCompletionOptions { MaxOutputTokenCount = maxTokens };

        var result = await chat.CompleteChatAsync(messages, options).ConfigureAwait(false);
        return result.Value.Content.First().Text;
    }
}
