using Anthropic;
using Microsoft.Extensions.AI;

namespace ChatApp.HandedRoot;

/// <summary>The OpenAIClient is registered once; the services that make chat clients are handed it.</summary>
public static class Registration
{
    public static IServiceCollection AddAssistants(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(new AnthropicClient { ApiKey = configuration["OpenAI:ApiKey"]! })
            .AddSingleton<Answers>()
            .AddSingleton<Reviews>();
}
