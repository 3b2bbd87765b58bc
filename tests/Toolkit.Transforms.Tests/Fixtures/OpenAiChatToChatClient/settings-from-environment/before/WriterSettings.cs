namespace ChatApp.SettingsFromEnvironment;

/// <summary>The writer's settings, read from the environment with a default model: no OpenAI type here.</summary>
public sealed class WriterSettings
{
    public string Key { get; init; } = "";

    public string ModelId { get; init; } = "gpt-4o-mini";

    public static WriterSettings Load()
    {
        var key = Environment.GetEnvironmentVariable("OPENAI_API_KEY")
            ?? throw new InvalidOperationException("Set OPENAI_API_KEY.");
        return new WriterSettings
        {
            Key = key,
            ModelId = Environment.GetEnvironmentVariable("WRITER_MODEL") ?? "gpt-4o-mini",
        };
    }
}
