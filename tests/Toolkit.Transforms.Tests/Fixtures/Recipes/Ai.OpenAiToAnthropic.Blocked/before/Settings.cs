namespace App;

/// <summary>A dictionary that happens to use the word OpenAI as a key: never configuration.</summary>
public static class Settings
{
    public static object? Provider(Dictionary<string, object> settings) => settings["OpenAI"];
}
