using OpenAI;
using OpenAI.Chat;

namespace ChatApp.ModelDefaults;

/// <summary>Model ids given as parameter defaults, dated snapshots among them, and a configuration fallback in a local.</summary>
public sealed class Menus(IConfiguration configuration)
{
    private const string Tasting = "gpt-3.5-turbo-0125";
    private readonly OpenAIClient _openAi = new(Environment.GetEnvironmentVariable("OPENAI_API_KEY"));

    // The default goes only to the client: it is mapped where it is written.
    public async Task<string> SuggestAsync(string dish, string model = "gpt-4o-2024-08-06")
    {
        var chat = _openAi.GetChatClient(model);
        var reply = await chat.CompleteChatAsync(new UserChatMessage($"Suggest a side for {dish}."));
        return reply.Value.Content[0].Text;
    }

    // The fallback goes only to the client (and a log line): mapped; the key it reads is the app's own.
    public async Task<string> PriceAsync(string dish)
    {
        var modelId = configuration["Menus:Model"] ?? "gpt-4o";
        Console.WriteLine($"pricing with {modelId}");
        var chat = new ChatClient(modelId, Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
        var reply = await chat.CompleteChatAsync(new UserChatMessage($"Price {dish} in euros."));
        return reply.Value.Content[0].Text;
    }

    // A dated snapshot of a family the swap does not map.
    public async Task<string> TasteAsync(string dish)
    {
        var chat = new ChatClient(Tasting, Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
        var reply = await chat.CompleteChatAsync(new UserChatMessage($"Describe how {dish} tastes."));
        return reply.Value.Content[0].Text;
    }

    // A dated id where the client is built.
    public async Task<string> NameAsync(string dish)
    {
        var chat = new ChatClient("gpt-4o-mini-2024-07-18", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
        var reply = await chat.CompleteChatAsync(new UserChatMessage($"Name a dish like {dish}."));
        return reply.Value.Content[0].Text;
    }
}
