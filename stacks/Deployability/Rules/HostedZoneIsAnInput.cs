using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Platforms.Aws;

namespace Toolkit.Stacks.Deployability.Rules;

/// <summary>The Route 53 zone is looked up unless the config asks to create it; a created zone outputs its name servers.</summary>
public sealed class HostedZoneIsAnInput : DeployabilityRule
{
    /// <inheritdoc />
    public override string Code => "TK-DEPLOY-HOSTED-ZONE";

    /// <inheritdoc />
    public override string Reason =>
        "A zone nobody delegated answers nothing: ACM never sees the validation records and no name resolves. Look the existing zone up (aws:route53/getZone), or create it only with deployment.hostedZone: create and output its name servers for delegation.";

    /// <inheritdoc />
    public override IEnumerable<Finding> Check(ProgramFacts program)
    {
        var zones = program.OfType(Types.Route53Zone).ToList();
        var create = program.Context.Config.Deployment.HostedZone == HostedZoneMode.Create;
        foreach (var zone in zones)
        {
            if (!create) yield return new Finding(zone.Name, "creates a hosted zone although deployment.hostedZone is 'existing'");
            else if (!program.Program.Outputs.Any(o => o.Name == Route53Edge.NameServersOutput && ProgramFacts.References(o.Value).Contains(zone.Name)))
                yield return new Finding(zone.Name, $"is created but no '{Route53Edge.NameServersOutput}' output gives its name servers");
        }
        if (program.Edge == "aws" && !create && zones.Count == 0 &&
            !program.Variables.Values.OfType<Model.InvokeValue>().Any(i => i.Function == "aws:route53/getZone:getZone"))
            yield return new Finding("zone-id", "the aws edge neither looks the zone up nor creates it");
    }
}
