using static Toolkit.Stacks.Cost.PricingRun;

namespace Toolkit.Stacks.Cost;

/// <summary>
/// Usage of services the application calls that have no resource in the program: email (by messages sent) and AI
/// (by tokens), from the config's chosen technologies and the per-user assumptions.
/// </summary>
internal static class ServicePricers
{
    public static void Add(PricingRun run)
    {
        var a = run.Assumptions;
        var primary = run.Context.PrimaryRegion;
        if (run.Context.Config.Technologies["email"] is { } email)
        {
            if (email == "aws-ses")
                run.Usage($"(usage) email via {email}", $"service:{email}", primary, CostCategory.Services, "aws.ses.thousand-emails",
                    users => users * D(a.EmailsPerUser) / 1000m, $"users x {a.EmailsPerUser} emails / 1,000");
            else
                run.Unpriced($"service:{email}", $"(usage) email via {email}", $"the price table has no rates for {email}");
        }
        if (run.Context.Config.Technologies["ai"] is { } ai)
        {
            var (prefix, region) = ai switch
            {
                "anthropic" => ("anthropic.sonnet", PriceTable.Global),
                "aws-bedrock" => ("aws-bedrock.claude-sonnet", primary),
                _ => (null, primary),
            };
            if (prefix is null)
            {
                run.Unpriced($"service:{ai}", $"(usage) AI via {ai}", $"the price table has no rates for {ai}");
                return;
            }
            run.Usage($"(usage) AI via {ai}", $"service:{ai}", region, CostCategory.Services, $"{prefix}.input-million-tokens",
                users => users * D(a.AiRequestsPerUser) * D(a.AiInputTokensPerRequest) / 1_000_000m,
                $"users x {a.AiRequestsPerUser} requests x {a.AiInputTokensPerRequest} input tokens");
            run.Usage($"(usage) AI via {ai}", $"service:{ai}", region, CostCategory.Services, $"{prefix}.output-million-tokens",
                users => users * D(a.AiRequestsPerUser) * D(a.AiOutputTokensPerRequest) / 1_000_000m,
                $"users x {a.AiRequestsPerUser} requests x {a.AiOutputTokensPerRequest} output tokens");
        }
    }
}
