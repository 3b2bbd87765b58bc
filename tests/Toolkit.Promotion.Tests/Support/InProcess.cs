using Toolkit.Promotion.Engine;
using Toolkit.Promotion.Probes;
using Toolkit.Promotion.Reporting;
using Toolkit.Promotion.State;

namespace Toolkit.Promotion.Tests.Support;

/// <summary>Runs the promotion engine in this process against a <see cref="LocalSite"/>, wired the way the CLI wires it.</summary>
public static class InProcess
{
    private static readonly HttpClient Client = HttpProbe.CreateClient();

    /// <summary>The plan for <paramref name="site"/> with <paramref name="request"/>'s overrides (bake 1 s by default).</summary>
    public static PromotionPlan Plan(LocalSite site, PromotionRequest? request = null) =>
        PlanBuilder.Build(Configs.For(site), (request ?? new PromotionRequest { ConfigPath = "", Stack = "" }) with
        {
            ConfigPath = site.ConfigPath, Stack = site.Stack, Target = "local", Bake = request?.Bake ?? "1s",
        });

    /// <summary>The engine for <paramref name="site"/> reporting to <paramref name="observer"/>.</summary>
    public static PromotionEngine Engine(LocalSite site, IPromotionObserver observer) =>
        new(site.Nginx, PromotionStateStore.Beside(site.ConfigPath, site.Stack), observer,
            (metric, endpoints) => ProviderFactory.Create(metric, endpoints, Client, TimeSpan.FromSeconds(5)));
}
