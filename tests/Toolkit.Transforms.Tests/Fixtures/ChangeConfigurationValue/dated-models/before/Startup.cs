using Microsoft.Extensions.Configuration;

namespace App;

public static class Startup
{
    // Dated snapshots as fallbacks: mapped as their family, each with a manual step saying the new id is not pinned.
    public static string ChatModel(IConfiguration configuration) => configuration["OpenAI:Model"] ?? "gpt-5-mini-2025-08-07";

    public static string BatchModel(IConfiguration configuration) => configuration["OpenAI:BatchModel"] ?? "gpt-4o";
}
