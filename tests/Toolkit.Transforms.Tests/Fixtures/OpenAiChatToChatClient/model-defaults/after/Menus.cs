using Anthropic;
using Microsoft.Extensions.AI;

namespace ChatApp.ModelDefaults;

/// <summary>Model ids given as parameter defaults, dated snapshots among them, and a configuration fallback in a local.</summary>
public sealed class Menus(IConfiguration configuration)
{
    private const string Tasting = "gpt-3.5-turbo-0125";

    // The default goes only to the client: it is mapped where it is written.
    public async Task<string> SuggestAsync(string dish, string model = "claude-sonnet-4-5")
    {
        var chat = new AnthropicClient { ApiKey = Environment.GetEnvironmentVariable("ANTHROPIC_API_KEY") }.AsIChatClient(model);
        var reply = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, $"Suggest a side for {dish}.")]);
        return reply.Text;
    }

    // The fallback goes only to the client (and a log line): mapped; the key it reads is the app's own.
    public async Task<string> PriceAsync(string dish)
    {
        var modelId = configuration["Menus:Model"] ?? "claude-sonnet-4-5";
        Console.WriteLine($"pricing with {modelId}");
        var chat = new AnthropicClient { ApiKey = Environment.GetEnvironmentVariable("ANTHROPIC_API_KEY") }.AsIChatClient(modelId);
        var reply = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, $"Price {dish} in euros.")]);
        return reply.Text;
    }

    // A dated snapshot of a family the swap does not map.
    public async Task<string> TasteAsync(string dish)
    {
        var chat = new AnthropicClient { ApiKey = Environment.GetEnvironmentVariable("ANTHROPIC_API_KEY") }.AsIChatClient(Tasting);
        var reply = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, $"Describe how {dish} tastes.")]);
        return reply.Text;
    }

    // A dated id where the client is built.
    public async Task<string> NameAsync(string dish)
    {
        var chat = new AnthropicClient { ApiKey = Environment.GetEnvironmentVariable("ANTHROPIC_API_KEY") }.AsIChatClient("claude-haiku-4-5");
        var reply = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, $"Name a dish like {dish}.")]);
        return reply.Text;
    }
}
