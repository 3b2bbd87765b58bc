namespace Common.Reviews;

/// <summary>Settings a shared project reads from the environment, with a default model: the app's plan never edits it.</summary>
public sealed class ReviewSettings
{
    public string ApiKey { get; private init; } = "";

    public string Model { get; private init; } = "";

    public static ReviewSettings FromEnvironment() => new()
    {
        ApiKey = Environment.GetEnvironmentVariable("REVIEWS_OPENAI_KEY") ?? "",
        Model = Environment.GetEnvironmentVariable("REVIEWS_MODEL") ?? "gpt-4o-2024-08-06",
    };
}
