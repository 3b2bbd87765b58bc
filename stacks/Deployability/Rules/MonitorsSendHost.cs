namespace Toolkit.Stacks.Deployability.Rules;

/// <summary>Cloudflare health monitors send a <c>Host</c> header the origin's certificate covers.</summary>
public sealed class MonitorsSendHost : DeployabilityRule
{
    /// <inheritdoc />
    public override string Code => "TK-DEPLOY-MONITOR-HOST";

    /// <inheritdoc />
    public override string Reason =>
        "Without a Host header the probe asks for the load balancer's own name; strict TLS and host rules fail it, and every pool is marked down.";

    /// <inheritdoc />
    public override IEnumerable<Finding> Check(ProgramFacts program)
    {
        foreach (var monitor in program.OfType(Types.CloudflareMonitor))
        {
            var hosts = ProgramFacts.Items(ProgramFacts.At(monitor["header"], "Host"));
            if (hosts.Count == 0 || hosts.Any(h => ProgramFacts.Text(h) is not { } host || !host.EndsWith(program.Context.Config.Deployment.Domain, StringComparison.Ordinal)))
                yield return new Finding(monitor.Name, "sends no Host header under the platform domain");
        }
    }
}
