using Azure;
using Azure.AI.OpenAI;
using OpenAI.Chat;

namespace ChatApp;

// The Azure client is chosen at run time (the key given, or the one in the environment): the port cannot pick one.
public class ClientFactory
{
    private readonly AzureOpenAIClient _client;
    private readonly string _deployment;

    public ClientFactory(string endpoint, string? key, string deployment)
    {
        _deployment = deployment;
        if (!string.IsNullOrEmpty(key))
            _client = new AzureOpenAIClient(new Uri(endpoint), new AzureKeyCredential(key));
        else
            _client = new AzureOpenAIClient(new Uri(endpoint), new AzureKeyCredential(Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY")!));
    }

    public ChatClient CreateChatClient() => _client.GetChatClient(_deployment);
}
