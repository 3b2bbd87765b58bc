using Microsoft.Extensions.Configuration;

namespace App;

public static class Settings
{
    public static string? Key(IConfiguration configuration) => configuration["Anthropic:ApiKey"];

    public static IConfigurationSection Section(IConfiguration configuration) => configuration.GetSection("Anthropic");

    public static string Label => "OpenAI"; // a label, not a key: unchanged
}
