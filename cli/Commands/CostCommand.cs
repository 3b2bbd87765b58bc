using System.CommandLine;
using System.Globalization;
using Toolkit.Cli.Synthesis;
using Toolkit.Stacks.Cost;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit cost</c>: what a synthesized stack costs a month at several user counts, by category, with sources.</summary>
public sealed class CostCommand : ICommandDefinition
{
    /// <inheritdoc />
    public Command Create()
    {
        var run = new StackSynthesisRun();
        var users = new Option<string>("--users") { Description = "User counts to price, comma-separated.", DefaultValueFactory = _ => "1000,10000,100000" };
        var json = new Option<bool>("--json") { Description = "Print the estimate as JSON: scales[{users, monthlyUsd, byCategory}], lines[{resource, type, region, monthlyUsd, price{usd, unit, source, asOf}}], unpriced[]." };
        var compare = new Option<string?>("--compare") { Description = "Another toolkit.yaml to price (same stack name) and show side by side (rls vs db-per-tenant, one region vs two)." };
        var prices = new Option<string?>("--prices") { Description = "A price table of the same shape as stacks/Cost/prices.yaml (negotiated rates, other regions) instead of the built-in list prices." };
        var maxMonthly = new Option<decimal?>("--max-monthly") { Description = "Exit 1 when the estimate at the first user count is above this many USD a month (a CI budget gate)." };
        var command = new Command("cost",
            "Estimate what a stack costs a month, from the program it synthesizes: instance hours by class and count, load\n" +
            "balancers, NAT gateways, keys, secrets, zones and Cloudflare load balancing from the resources' properties, and\n" +
            "usage (requests, storage, egress, emails, AI requests) from per-user assumptions (costAssumptions: in toolkit.yaml).\n" +
            "Every price carries its source URL and the date it was read; resources the table cannot price are listed with why.\n" +
            "Nothing is contacted; no cloud account or Pulumi needed.\n" +
            "Examples:\n" +
            "  toolkit cost --config examples/toolkit.yaml --stack prod\n" +
            "  toolkit cost --config rls.yaml --stack prod --compare db-per-tenant.yaml --users 1000\n" +
            "  toolkit cost --config toolkit.yaml --stack prod --json --max-monthly 5000");
        run.AddTo(command);
        foreach (var option in new Option[] { users, json, compare, prices, maxMonthly }) command.Options.Add(option);
        command.SetAction((ParseResult p, CancellationToken _) =>
        {
            var userCounts = CostEstimator.ParseUsers(p.GetValue(users)!);
            var table = p.GetValue(prices) is { } pricePath ? PriceTableReader.Load(pricePath) : PriceTable.Embedded;
            var configPath = p.GetValue(run.Config)!;
            var (config, result) = run.Synthesize(p, configPath);
            var estimate = CostEstimator.Estimate(config, p.GetValue(run.Stack)!, result.Program!, table, userCounts);
            CostEstimate? other = null;
            if (p.GetValue(compare) is { } otherPath)
            {
                var (otherConfig, otherResult) = run.Synthesize(p, otherPath);
                other = CostEstimator.Estimate(otherConfig, p.GetValue(run.Stack)!, otherResult.Program!, table, userCounts);
            }

            if (p.GetValue(json))
            {
                var node = CostJson.ToNode(estimate);
                if (other is not null) node["compare"] = CostJson.ToNode(other);
                Console.Write(node.ToJsonString(Toolkit.Core.Serialization.CanonicalJson.CreateOptions()) + "\n");
            }
            else
                Console.Write(other is null ? CostText.Report(estimate) : CostText.Compare(estimate, configPath, other, p.GetValue(compare)!));

            if (p.GetValue(maxMonthly) is { } limit && estimate.FirstMonthlyUsd > limit)
            {
                Console.Error.WriteLine($"error: the estimate at {estimate.Users[0].ToString("N0", CultureInfo.InvariantCulture)} users, {CostText.Usd(estimate.FirstMonthlyUsd)}/month, is above --max-monthly {CostText.Usd(limit)}");
                return Task.FromResult(ExitCodes.Failed);
            }
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
