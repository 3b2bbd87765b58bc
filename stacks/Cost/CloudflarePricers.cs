using Toolkit.Stacks.Model;
using static Toolkit.Stacks.Cost.PricingRun;

namespace Toolkit.Stacks.Cost;

/// <summary>Prices Cloudflare resources: load balancing by the month, R2 by storage and operations, custom hostnames by count (free allowances applied account-wide).</summary>
internal static class CloudflarePricers
{
    public static void LoadBalancer(PricingRun run, Resource lb) =>
        run.Fixed(lb, CostCategory.Edge, "cloudflare.load-balancing.month", 1, "1 load balancer", PriceTable.Global);

    public static void R2Bucket(PricingRun run, Resource bucket)
    {
        var a = run.Assumptions;
        run.Usage(bucket, CostCategory.Storage, "cloudflare.r2.storage-gb-month", users => users * D(a.StorageGbPerUser),
            $"users x {a.StorageGbPerUser} GB", PriceTable.Global);
        run.Usage(bucket, CostCategory.Storage, "cloudflare.r2.class-a-million", users => users * D(a.RequestsPerUser) * D(a.StorageWritesPerRequest) / 1_000_000m,
            $"users x {a.RequestsPerUser} requests x {a.StorageWritesPerRequest} writes", PriceTable.Global);
        run.Usage(bucket, CostCategory.Storage, "cloudflare.r2.class-b-million", users => users * D(a.RequestsPerUser) * D(a.StorageReadsPerRequest) / 1_000_000m,
            $"users x {a.RequestsPerUser} requests x {a.StorageReadsPerRequest} reads", PriceTable.Global);
    }

    public static void CustomHostname(PricingRun run, Resource hostname) =>
        run.Fixed(hostname, CostCategory.Edge, "cloudflare.custom-hostname.month", 1, "1 hostname", PriceTable.Global);
}
