using YamlDotNet.RepresentationModel;

namespace Toolkit.Stacks.Configuration.Yaml;

internal sealed partial class ConfigParser
{
    public static readonly string[] DeploymentKeys = ["pattern", "regions", "domain", "hostedZone", "healthCheck", "blueGreen", "kubernetes"];
    public static readonly string[] HealthCheckKeys = ["path", "intervalSeconds", "timeoutSeconds", "healthyThreshold", "unhealthyThreshold"];
    public static readonly string[] BlueGreenKeys = ["steps", "bakeSeconds", "scaleDownDelaySeconds", "rollbackTriggers", "local"];
    public static readonly string[] RollbackTriggerKeys = ["maxErrorRate", "maxP95LatencyMs", "maxFailedHealthChecks"];
    public static readonly string[] LocalTrafficKeys = ["listen", "blue", "green", "healthPath"];
    public static readonly string[] KubernetesClusterKeys = ["context", "kubeconfig", "clusterName", "vpcId", "subnetIds", "nodeSecurityGroupId"];

    public static readonly IReadOnlyDictionary<string, DeploymentPattern> Patterns = new Dictionary<string, DeploymentPattern>
    {
        ["single-region"] = DeploymentPattern.SingleRegion, ["multi-region"] = DeploymentPattern.MultiRegion, ["blue-green"] = DeploymentPattern.BlueGreen,
    };

    public static readonly IReadOnlyDictionary<string, HostedZoneMode> HostedZoneModes = new Dictionary<string, HostedZoneMode>
    {
        ["existing"] = HostedZoneMode.Existing, ["create"] = HostedZoneMode.Create,
    };

    private DeploymentConfig ReadDeployment(MappingReader top)
    {
        var section = top.Mapping("deployment", DeploymentKeys);
        if (section is null)
        {
            top.Missing("deployment");
            return new DeploymentConfig { Pattern = DeploymentPattern.SingleRegion, Regions = ["us-east-1"], Domain = "example.com" };
        }
        var regions = section.Texts("regions");
        if (regions is { Count: 0 })
            context.Error(ConfigErrorCodes.MissingKey, "'deployment.regions' must name at least one region", section.Get("regions")!, "deployment.regions");
        else if (regions is null && section.Get("regions") is null)
            section.Missing("regions"); // (a regions value that is not a list was reported by Texts)
        if (regions is not { Count: > 0 }) regions = ["us-east-1"];
        return new DeploymentConfig
        {
            Pattern = section.Choice("pattern", Patterns, required: true) ?? DeploymentPattern.SingleRegion,
            Regions = regions,
            Domain = section.Text("domain", required: true)!,
            HostedZone = section.Choice("hostedZone", HostedZoneModes) ?? HostedZoneMode.Existing,
            HealthCheck = ReadHealthCheck(section),
            BlueGreen = ReadBlueGreen(section),
            Kubernetes = ReadKubernetes(section),
        };
    }

    private static HealthCheckConfig ReadHealthCheck(MappingReader deployment)
    {
        var defaults = new HealthCheckConfig();
        var section = deployment.Mapping("healthCheck", HealthCheckKeys);
        if (section is null) return defaults;
        return new HealthCheckConfig(
            section.Text("path", defaults.Path),
            section.Integer("intervalSeconds", defaults.IntervalSeconds, 5, 300),
            section.Integer("timeoutSeconds", defaults.TimeoutSeconds, 2, 120),
            section.Integer("healthyThreshold", defaults.HealthyThreshold, 1, 10),
            section.Integer("unhealthyThreshold", defaults.UnhealthyThreshold, 1, 10));
    }

    private BlueGreenConfig ReadBlueGreen(MappingReader deployment)
    {
        var defaults = new BlueGreenConfig();
        var section = deployment.Mapping("blueGreen", BlueGreenKeys);
        if (section is null) return defaults;
        var steps = section.List("steps", (node, path) =>
        {
            if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var step))
                return (int?)step;
            context.Error(ConfigErrorCodes.InvalidBlueGreenSteps, $"'{path}' must be a whole percentage from 1 to 100", node, path);
            context.FailedPaths.Add("deployment.blueGreen.steps"); // the rest of the list can't be judged without it
            return null;
        });
        var triggers = section.Mapping("rollbackTriggers", RollbackTriggerKeys);
        var defaultTriggers = defaults.RollbackTriggers;
        var local = section.Mapping("local", LocalTrafficKeys);
        return new BlueGreenConfig
        {
            Steps = steps?.Select(s => s!.Value).ToList() ?? defaults.Steps,
            BakeSeconds = section.Integer("bakeSeconds", defaults.BakeSeconds, 0, 86_400),
            ScaleDownDelaySeconds = section.Integer("scaleDownDelaySeconds", defaults.ScaleDownDelaySeconds, 0, 604_800),
            RollbackTriggers = triggers is null ? defaultTriggers : new RollbackTriggers(
                triggers.Number("maxErrorRate", defaultTriggers.MaxErrorRate, 0, 1),
                triggers.Integer("maxP95LatencyMs", defaultTriggers.MaxP95LatencyMs, 1, 600_000),
                triggers.Integer("maxFailedHealthChecks", defaultTriggers.MaxFailedHealthChecks, 1, 100)),
            Local = local is null ? null : new LocalTrafficConfig(
                local.Text("listen", required: true)!, local.Text("blue", required: true)!, local.Text("green", required: true)!,
                local.Text("healthPath", "/healthz")),
        };
    }

    private Dictionary<string, KubernetesClusterConfig> ReadKubernetes(MappingReader deployment)
    {
        var clusters = new Dictionary<string, KubernetesClusterConfig>(StringComparer.Ordinal);
        var section = deployment.Mapping("kubernetes", keys: null);
        if (section is null) return clusters;
        foreach (var (region, _, value, path) in section.Entries())
        {
            var cluster = MappingReader.Open(context, value, path, KubernetesClusterKeys);
            if (cluster is null)
            {
                if (ReadContext.IsNull(value))
                    context.Error(ConfigErrorCodes.KubernetesClusterUnnamed, $"'{path}' must name a context or a kubeconfig", value, path);
                continue;
            }
            clusters[region] = new KubernetesClusterConfig(cluster.Text("context"), cluster.Text("kubeconfig"), cluster.Text("clusterName"),
                cluster.Text("vpcId"), cluster.Texts("subnetIds"), cluster.Text("nodeSecurityGroupId"));
        }
        return clusters;
    }
}
