using OpenAI;

namespace ChatApp.HandedRootKept;

/// <summary>The registered OpenAIClient also makes embeddings, which stay on OpenAI: chat code is not ported.</summary>
public static class Registration
{
    public static IServiceCollection AddSearch(this IServiceCollection services) =>
        services.AddSingleton(new OpenAIClient(Environment.GetEnvironmentVariable("OPENAI_API_KEY")!))
            .AddSingleton<Search>();
}
