using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Deployability.Rules;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Stacks.Deployability;

/// <summary>
/// Runs every <see cref="IDeployabilityRule"/> on a program: what must hold for <c>pulumi up</c> to come up and serve
/// that no provider schema checks. Synth runs it after schema validation; a finding is an error that names the
/// resource, the problem and the reason.
/// </summary>
public static class DeployabilityCheck
{
    /// <summary>Every rule, in a fixed order.</summary>
    public static IReadOnlyList<DeployabilityRule> Rules { get; } =
    [
        new CertificateValidationWaitsForRecords(),
        new HostedZoneIsAnInput(),
        new SecondaryRegionsServe(),
        new WorkloadsHaveIdentity(),
        new ArnsAreArns(),
        new PoliciesNameTheirResources(),
        new DatabasesAdmitOnlyTheApp(),
        new OriginsAdmitOnlyCloudflare(),
        new MonitorsSendHost(),
        new NetworkPoliciesNamePeers(),
        new LoadBalancersAreInternetFacingNlbs(),
        new HpaOwnsReplicas(),
        new QuotasFitAutoscaling(),
        new NatGatewayPerZone(),
        new LogGroupsAreKept(),
        new GeneratedSecretsRotate(),
        new DatabasesRequireTls(),
        new ProvidersArePinned(),
        new CloudflareNamesHaveNoTrailingDot(),
        new NothingEcsOnKubernetes(),
    ];

    /// <summary>The findings of every rule on <paramref name="program"/>, as error diagnostics.</summary>
    public static IReadOnlyList<Diagnostic> Check(SynthesisContext context, PulumiProgram program)
    {
        var facts = new ProgramFacts(context, program);
        return Rules.SelectMany(rule => rule.Check(facts).Select(rule.ToDiagnostic)).ToList();
    }
}
