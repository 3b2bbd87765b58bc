using Microsoft.Extensions.Configuration;

namespace App;

public static class Options
{
    public static string Model(IConfiguration configuration) => configuration.GetValue<string>("Anthropic:Model") ?? "claude-haiku-4-5";
}
