namespace Toolkit.Stacks.Configuration;

public static partial class ConfigChecks
{
    private sealed partial class CheckRun
    {
        public void Deployment()
        {
            var deployment = config.Deployment;
            Regions(deployment.Regions, "deployment.regions");
            if (deployment.Domain.Length > 0 && !DnsName.IsHostName(deployment.Domain))
                Error(ConfigErrorCodes.NotDnsSafe, $"'deployment.domain' value '{deployment.Domain}' is not a DNS name (lower-case labels joined by dots, like example.com)", "deployment.domain");

            var health = deployment.HealthCheck;
            if (!health.Path.StartsWith('/'))
                Error(ConfigErrorCodes.InvalidValue, $"'deployment.healthCheck.path' must start with '/', not '{health.Path}'", "deployment.healthCheck.path");
            if (health.TimeoutSeconds >= health.IntervalSeconds)
                Error(ConfigErrorCodes.InvalidValue,
                    $"'deployment.healthCheck.timeoutSeconds' ({health.TimeoutSeconds}) must be less than intervalSeconds ({health.IntervalSeconds})", "deployment.healthCheck.timeoutSeconds");

            Steps(deployment.BlueGreen.Steps);
            if (deployment.BlueGreen.Local is { } local)
            {
                Address(local.Listen, "deployment.blueGreen.local.listen");
                Address(local.Blue, "deployment.blueGreen.local.blue");
                Address(local.Green, "deployment.blueGreen.local.green");
                if (!local.HealthPath.StartsWith('/'))
                    Error(ConfigErrorCodes.InvalidValue, $"'deployment.blueGreen.local.healthPath' must start with '/', not '{local.HealthPath}'", "deployment.blueGreen.local.healthPath");
            }
            Kubernetes();
        }

        private void Steps(IReadOnlyList<int> steps)
        {
            const string path = "deployment.blueGreen.steps";
            if (steps.Count == 0)
            {
                Error(ConfigErrorCodes.InvalidBlueGreenSteps, $"'{path}' must list at least one step, ending at 100 (default 1, 10, 50, 100)", path);
                return;
            }
            for (var i = 0; i < steps.Count; i++)
            {
                if (steps[i] is < 1 or > 100)
                    Error(ConfigErrorCodes.InvalidBlueGreenSteps, $"'{path}[{i}]' is {steps[i]}; steps are percentages from 1 to 100", $"{path}[{i}]");
                else if (i > 0 && steps[i] <= steps[i - 1])
                    Error(ConfigErrorCodes.InvalidBlueGreenSteps,
                        $"'{path}[{i}]' is {steps[i]}, not more than the step before it ({steps[i - 1]}); steps must strictly increase", $"{path}[{i}]");
            }
            if (steps[^1] != 100)
                Error(ConfigErrorCodes.InvalidBlueGreenSteps, $"'{path}' must end at 100 (all traffic on green), but ends at {steps[^1]}", $"{path}[{steps.Count - 1}]");
        }

        private void Address(string value, string path)
        {
            var colon = value.LastIndexOf(':');
            var valid = colon > 0 && int.TryParse(value[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
                && port is > 0 and <= 65535 && !value[..colon].Contains(' ');
            if (!valid) Error(ConfigErrorCodes.InvalidAddress, $"'{path}' must be host:port (like 127.0.0.1:8080), not '{value}'", path);
        }

        private void Kubernetes()
        {
            var clusters = config.Deployment.Kubernetes;
            foreach (var (region, cluster) in clusters)
            {
                var path = $"deployment.kubernetes.{region}";
                if (catalogue.Region(region) is null)
                    Error(ConfigErrorCodes.InvalidRegion, $"'{region}' under 'deployment.kubernetes' is not an AWS region id{ClosestMatch.Hint(region, catalogue.Regions.Select(r => r.Id))}", path);
                if (string.IsNullOrEmpty(cluster.Context) && string.IsNullOrEmpty(cluster.Kubeconfig))
                    Error(ConfigErrorCodes.KubernetesClusterUnnamed, $"'{path}' must name a context or a kubeconfig (or both)", path);
                ClusterNetwork(cluster, path);
            }
            if (config.Technologies.Compute != "kubernetes") return;
            foreach (var (region, path) in EffectiveRegions())
                if (!clusters.ContainsKey(region))
                    Error(ConfigErrorCodes.MissingKubernetesCluster,
                        $"compute is kubernetes but region '{region}' has no cluster; add 'deployment.kubernetes.{region}' with a context or kubeconfig", path);
        }

        private static readonly System.Text.RegularExpressions.Regex ClusterNamePattern = new("^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$");

        private void ClusterNetwork(KubernetesClusterConfig cluster, string path)
        {
            if (cluster.ClusterName is { } name && !ClusterNamePattern.IsMatch(name))
                Error(ConfigErrorCodes.InvalidAwsId, $"'{path}.clusterName' value '{name}' is not an EKS cluster name (letters, digits, '-' and '_', up to 100, starting with a letter or digit)", $"{path}.clusterName");
            AwsId(cluster.VpcId, "vpc", $"{path}.vpcId");
            AwsId(cluster.NodeSecurityGroupId, "sg", $"{path}.nodeSecurityGroupId");
            if (cluster.SubnetIds is { } subnets)
            {
                if (subnets.Count < 2)
                    Error(ConfigErrorCodes.InvalidAwsId, $"'{path}.subnetIds' must list at least two private subnets in different availability zones (Aurora and ElastiCache subnet groups need two)", $"{path}.subnetIds");
                for (var i = 0; i < subnets.Count; i++) AwsId(subnets[i], "subnet", $"{path}.subnetIds[{i}]");
                var twice = subnets.GroupBy(s => s, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
                if (twice is not null)
                    Error(ConfigErrorCodes.InvalidAwsId, $"'{path}.subnetIds' lists '{twice.Key}' twice", $"{path}.subnetIds");
            }
        }

        private void AwsId(string? value, string prefix, string path)
        {
            if (value is null) return;
            var hex = value.StartsWith(prefix + "-", StringComparison.Ordinal) ? value[(prefix.Length + 1)..] : "";
            if (hex.Length is not (8 or 17) || !hex.All(char.IsAsciiHexDigitLower))
                Error(ConfigErrorCodes.InvalidAwsId, $"'{path}' value '{value}' is not a {prefix} id ('{prefix}-' and 8 or 17 lower-case hex digits, like {prefix}-0123456789abcdef0)", path);
        }

        /// <summary>Every region some stack deploys to, first occurrence, with the path that names it.</summary>
        private IEnumerable<(string Region, string Path)> EffectiveRegions()
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var deployment = config.Deployment;
            var sources = new List<(IReadOnlyList<string> Regions, string Path)>();
            if (config.Stacks.Count == 0 || config.Stacks.Any(s => s.Regions is null)) sources.Add((deployment.Regions, "deployment.regions"));
            sources.AddRange(config.Stacks.Where(s => s.Regions is not null).Select(s => (s.Regions!, $"stacks.{s.Name}.regions")));
            foreach (var (regions, path) in sources)
                for (var i = 0; i < regions.Count; i++)
                    if (catalogue.Region(regions[i]) is not null && seen.Add(regions[i]))
                        yield return (regions[i], $"{path}[{i}]");
        }
    }
}
