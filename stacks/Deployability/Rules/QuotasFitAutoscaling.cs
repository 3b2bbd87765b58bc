using System.Globalization;
using Toolkit.Stacks.Platforms.Kubernetes;

namespace Toolkit.Stacks.Deployability.Rules;

/// <summary>A namespace's ResourceQuota admits every HPA of the namespace at its maximum, plus one surge pod each.</summary>
public sealed class QuotasFitAutoscaling : DeployabilityRule
{
    /// <inheritdoc />
    public override string Code => "TK-DEPLOY-QUOTA-CAPS-HPA";

    /// <inheritdoc />
    public override string Reason =>
        "A quota below what the HPAs may ask for caps them silently: the extra pods stay unscheduled with a FailedCreate event, and the tenant is slow under exactly the load the HPA was for.";

    /// <inheritdoc />
    public override IEnumerable<Finding> Check(ProgramFacts program)
    {
        var hpas = program.OfType(Types.Hpa).GroupBy(h => program.NamespaceName(ProgramFacts.At(h.Properties, "metadata.namespace")) + "@" + h.Region)
            .ToDictionary(g => g.Key, g => g.Sum(h => ProgramFacts.At(h.Properties, "spec.maxReplicas") is Model.IntegerValue n ? (int)n.Number + KubernetesCompute.MaxSurge : 0));
        foreach (var quota in program.OfType(Types.ResourceQuota))
        {
            var key = program.NamespaceName(ProgramFacts.At(quota.Properties, "metadata.namespace")) + "@" + quota.Region;
            if (!hpas.TryGetValue(key, out var pods)) continue;
            var hard = ProgramFacts.At(quota.Properties, "spec.hard") as Model.MapValue;
            foreach (var (resource, perPod) in new (string, long)[]
            {
                ("pods", 1), ("requests.cpu", KubernetesCompute.PodCpuMillis), ("limits.cpu", KubernetesCompute.PodCpuLimitMillis),
                ("requests.memory", KubernetesCompute.PodMemoryMi), ("limits.memory", KubernetesCompute.PodMemoryLimitMi),
            })
            {
                if (ProgramFacts.Text(hard?[resource]) is not { } text) continue;
                var capacity = Parse(text, resource);
                if (capacity < pods * perPod)
                    yield return new Finding(quota.Name, $"{resource} {text} admits fewer than the {pods} pods its HPAs may run");
            }
        }
    }

    // Millicores for cpu, MiB for memory, a count otherwise.
    private static long Parse(string text, string resource)
    {
        if (resource.EndsWith("cpu", StringComparison.Ordinal))
            return text.EndsWith('m') ? long.Parse(text[..^1], CultureInfo.InvariantCulture) : long.Parse(text, CultureInfo.InvariantCulture) * 1000;
        if (resource.EndsWith("memory", StringComparison.Ordinal))
            return text.EndsWith("Gi", StringComparison.Ordinal) ? long.Parse(text[..^2], CultureInfo.InvariantCulture) * 1024
                : text.EndsWith("Mi", StringComparison.Ordinal) ? long.Parse(text[..^2], CultureInfo.InvariantCulture) : long.Parse(text, CultureInfo.InvariantCulture) / (1024 * 1024);
        return long.Parse(text, CultureInfo.InvariantCulture);
    }
}
