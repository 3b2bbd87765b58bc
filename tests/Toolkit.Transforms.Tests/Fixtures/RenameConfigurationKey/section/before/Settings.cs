using Microsoft.Extensions.Configuration;

namespace App;

public static class Settings
{
    public static string? Key(IConfiguration configuration) => configuration["OpenAI:ApiKey"];

    public static IConfigurationSection Section(IConfiguration configuration) => configuration.GetSection("OpenAI");

    public static string Label => "OpenAI"; // a label, not a key: unchanged
}
