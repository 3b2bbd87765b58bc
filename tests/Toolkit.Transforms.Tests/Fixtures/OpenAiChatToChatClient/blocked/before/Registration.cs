using OpenAI.Chat;

namespace ChatApp;

/// <summary>Registers the client Writer gets: ported alone it would hand Writer an IChatClient.</summary>
public static class Registration
{
    public static IServiceCollection AddWriter(this IServiceCollection services, string key) =>
        services.AddSingleton(new ChatClient("gpt-4o", key)).AddSingleton<Writer>();
}
