using Microsoft.Extensions.Configuration;

namespace App;

public static class Models
{
    public static string Chat(IConfiguration configuration) => configuration["Anthropic:Model"] ?? "gpt-4o-mini";

    public static string Other(IConfiguration configuration) => configuration["Other:Model"] ?? "gpt-4o-mini";
}
