using Toolkit.Stacks.Platforms.Cloudflare;

namespace Toolkit.Stacks.Deployability.Rules;

/// <summary>Behind Cloudflare, load balancers admit only Cloudflare's published ranges.</summary>
public sealed class OriginsAdmitOnlyCloudflare : DeployabilityRule
{
    /// <inheritdoc />
    public override string Code => "TK-DEPLOY-ORIGIN-BYPASS";

    /// <inheritdoc />
    public override string Reason =>
        "An origin that accepts 443 from anywhere can be reached around Cloudflare, skipping its WAF, rate limits and TLS settings.";

    /// <inheritdoc />
    public override IEnumerable<Finding> Check(ProgramFacts program)
    {
        if (program.Edge != "cloudflare") yield break;
        var ranges = "${" + CloudflareEdge.RangesVariable + "}";
        bool IsRanges(Model.Value? v) => v is Model.Interpolation i && i.Template == ranges && program.Variables.ContainsKey(CloudflareEdge.RangesVariable);
        var groups = program.OfType(Types.LoadBalancer).SelectMany(lb => program.Referenced(lb["securityGroups"])).DistinctBy(g => g.Name);
        foreach (var group in groups)
            foreach (var rule in ProgramFacts.Items(group["ingress"]))
                if (!IsRanges(ProgramFacts.At(rule, "cidrBlocks")))
                    yield return new Finding(group.Name, "admits sources other than Cloudflare's ranges to the load balancer");
        foreach (var service in program.OfType(Types.Service))
            if (ProgramFacts.Text(ProgramFacts.At(service.Properties, "spec.type")) == "LoadBalancer" &&
                !IsRanges(ProgramFacts.At(service.Properties, "spec.loadBalancerSourceRanges")))
                yield return new Finding(service.Name, "has no loadBalancerSourceRanges of Cloudflare's ranges");
    }
}
