using Toolkit.Stacks.Platforms;

namespace Toolkit.Stacks.Deployability.Rules;

/// <summary>
/// LoadBalancer Services go to the AWS Load Balancer Controller as internet-facing NLBs with a TLS policy NLBs have.
/// </summary>
public sealed class LoadBalancersAreInternetFacingNlbs : DeployabilityRule
{
    private const string Prefix = "service.beta.kubernetes.io/aws-load-balancer-";

    /// <inheritdoc />
    public override string Code => "TK-DEPLOY-K8S-LOAD-BALANCER";

    /// <inheritdoc />
    public override string Reason =>
        "The in-tree controller makes a Classic ELB, which has no TLS 1.3 policy, so the Service never gets an address; the AWS Load Balancer Controller without scheme internet-facing makes an internal NLB the edge cannot reach.";

    /// <inheritdoc />
    public override IEnumerable<Finding> Check(ProgramFacts program)
    {
        foreach (var service in program.OfType(Types.Service))
        {
            if (ProgramFacts.Text(ProgramFacts.At(service.Properties, "spec.type")) != "LoadBalancer") continue;
            var annotations = ProgramFacts.At(service.Properties, "metadata.annotations") as Model.MapValue;
            string? Annotation(string key) => ProgramFacts.Text(annotations?[Prefix + key]);
            if (ProgramFacts.Text(ProgramFacts.At(service.Properties, "spec.loadBalancerClass")) != "service.k8s.aws/nlb" && Annotation("type") != "external")
                yield return new Finding(service.Name, "is not handed to the AWS Load Balancer Controller (loadBalancerClass service.k8s.aws/nlb or type external)");
            if (Annotation("scheme") != "internet-facing")
                yield return new Finding(service.Name, "is not internet-facing (aws-load-balancer-scheme)");
            if (Annotation("ssl-negotiation-policy") is not { } policy || !Naming.NlbSslPolicies.Contains(policy))
                yield return new Finding(service.Name, $"TLS policy '{Annotation("ssl-negotiation-policy")}' is not one an NLB TLS listener has");
            if (Annotation("backend-protocol") is "http" or "https")
                yield return new Finding(service.Name, "uses the Classic ELB backend protocol 'http'/'https', which NLBs do not have");
        }
    }
}
