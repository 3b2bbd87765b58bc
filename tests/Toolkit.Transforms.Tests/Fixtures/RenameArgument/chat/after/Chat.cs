using OpenAI.Chat;

namespace App;

public static class Chat
{
    public static ChatClient Create(string key) => new ChatClient(modelId: "gpt-4o", apiKey: key);

    public static string Echo(string model) => model;

    public static string Other() => Echo(model: "unchanged");
}
