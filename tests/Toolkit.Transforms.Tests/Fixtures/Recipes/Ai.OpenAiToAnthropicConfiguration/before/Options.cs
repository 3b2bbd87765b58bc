using Microsoft.Extensions.Configuration;

namespace App;

public static class Options
{
    public static string Model(IConfiguration configuration) => configuration.GetValue<string>("OpenAI:Model") ?? "gpt-5-mini";
}
