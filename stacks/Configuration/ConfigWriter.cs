using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Toolkit.Stacks.Configuration;

/// <summary>
/// Writes a <see cref="ToolkitConfig"/> as a commented <c>toolkit.yaml</c> that <see cref="ConfigLoader"/>
/// reads back to an equal config. Deterministic (same config, same bytes; invariant culture, \n line
/// ends) and linear in tenants, so 10,000-tenant files for benchmarks are cheap.
/// </summary>
public static partial class ConfigWriter
{
    /// <summary>The YAML text of <paramref name="config"/>.</summary>
    public static string Write(ToolkitConfig config)
    {
        var w = new StringBuilder(4096 + (config.Tenants.Count * 256));
        Line(w, "# toolkit.yaml: the platform's infrastructure, described once. Reference: docs/configuration.md");
        Line(w, "# Check it with: toolkit validate --config <this file>");
        Line(w, $"version: {Scalar(config.Version)}");
        Line(w, "");
        Line(w, "project:");
        Line(w, $"  name: {Scalar(config.Project.Name)}");
        Line(w, $"  slug: {Scalar(config.Project.Slug)}");
        if (config.Project.Description.Length > 0) Line(w, $"  description: {Scalar(config.Project.Description)}");
        Line(w, "");
        Line(w, "# One option per category, from the catalogue (docs/configuration.md#technologies).");
        Line(w, "technologies:");
        var catalogue = Catalogue.TechnologyCatalogue.Default;
        var order = catalogue.Categories.Select(c => c.Id).ToList();
        foreach (var (category, option) in config.Technologies.ByCategory.OrderBy(p => order.IndexOf(p.Key) is var i && i < 0 ? int.MaxValue : i).ThenBy(p => p.Key, StringComparer.Ordinal))
            Line(w, $"  {category}: {Scalar(option)}");
        Line(w, "");
        Line(w, "architecture:");
        Line(w, $"  tenancy: {Words.Of(config.Architecture.Tenancy)}");
        if (config.Architecture.Isolation is { } isolation) Line(w, $"  isolation: {Words.Of(isolation)}   # rls | schema-per-tenant | db-per-tenant");
        Line(w, "");
        WriteDeployment(w, config.Deployment);
        Line(w, "");
        WriteCompliance(w, config.Compliance);
        Line(w, "");
        WriteTenants(w, config.Tenants);
        Line(w, "");
        WriteStacks(w, config.Stacks);
        WriteAcknowledgements(w, config.Acknowledgements);
        return w.ToString();
    }

    private static void WriteDeployment(StringBuilder w, DeploymentConfig d)
    {
        Line(w, "deployment:");
        Line(w, $"  pattern: {Words.Of(d.Pattern)}   # single-region | multi-region | blue-green");
        Line(w, "  # AWS region ids; the first is the primary.");
        Line(w, $"  regions: {List(d.Regions)}");
        Line(w, $"  domain: {Scalar(d.Domain)}");
        if (d.HostedZone == HostedZoneMode.Create) Line(w, "  hostedZone: create   # the stack creates the Route 53 zone; delegate its nameServers output first");
        var h = d.HealthCheck;
        Line(w, "  healthCheck:");
        Line(w, $"    path: {Scalar(h.Path)}");
        Line(w, $"    intervalSeconds: {h.IntervalSeconds}");
        Line(w, $"    timeoutSeconds: {h.TimeoutSeconds}");
        Line(w, $"    healthyThreshold: {h.HealthyThreshold}");
        Line(w, $"    unhealthyThreshold: {h.UnhealthyThreshold}");
        if (d.Pattern == DeploymentPattern.BlueGreen || d.BlueGreen != new BlueGreenConfig())
        {
            var b = d.BlueGreen;
            Line(w, "  blueGreen:");
            Line(w, "    # Percent of traffic on green at each step; increasing, ending at 100.");
            Line(w, $"    steps: [{string.Join(", ", b.Steps.Select(s => s.ToString(CultureInfo.InvariantCulture)))}]");
            Line(w, $"    bakeSeconds: {b.BakeSeconds}");
            Line(w, $"    scaleDownDelaySeconds: {b.ScaleDownDelaySeconds}");
            Line(w, "    rollbackTriggers:");
            Line(w, $"      maxErrorRate: {b.RollbackTriggers.MaxErrorRate.ToString("0.####", CultureInfo.InvariantCulture)}");
            Line(w, $"      maxP95LatencyMs: {b.RollbackTriggers.MaxP95LatencyMs}");
            Line(w, $"      maxFailedHealthChecks: {b.RollbackTriggers.MaxFailedHealthChecks}");
            if (b.Local is { } local)
            {
                Line(w, "    # The local promotion target: nginx on this machine splitting traffic between two upstreams.");
                Line(w, "    local:");
                Line(w, $"      listen: {Scalar(local.Listen)}");
                Line(w, $"      blue: {Scalar(local.Blue)}");
                Line(w, $"      green: {Scalar(local.Green)}");
                Line(w, $"      healthPath: {Scalar(local.HealthPath)}");
            }
        }
        if (d.Kubernetes.Count > 0)
        {
            Line(w, "  # An existing cluster per region (kubeconfig context and/or file).");
            Line(w, "  kubernetes:");
            foreach (var (region, cluster) in d.Kubernetes.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Line(w, $"    {region}:");
                if (cluster.Context is { } context) Line(w, $"      context: {Scalar(context)}");
                if (cluster.Kubeconfig is { } kubeconfig) Line(w, $"      kubeconfig: {Scalar(kubeconfig)}");
                if (cluster.ClusterName is { } clusterName) Line(w, $"      clusterName: {Scalar(clusterName)}");
                if (cluster.VpcId is { } vpcId) Line(w, $"      vpcId: {Scalar(vpcId)}");
                if (cluster.SubnetIds is { } subnetIds) Line(w, $"      subnetIds: {List(subnetIds)}");
                if (cluster.NodeSecurityGroupId is { } group) Line(w, $"      nodeSecurityGroupId: {Scalar(group)}");
            }
        }
    }

    private static void WriteCompliance(StringBuilder w, ComplianceConfig c)
    {
        Line(w, "compliance:");
        Line(w, $"  frameworks: {List(c.Frameworks.Select(Words.Of).ToList())}   # soc2 | hipaa | gdpr");
        Line(w, "  dataResidency:");
        Line(w, $"    allowedRegions: {List(c.DataResidency.AllowedRegions)}");
        Line(w, $"    prohibitedRegions: {List(c.DataResidency.ProhibitedRegions)}");
        Line(w, "  encryption:");
        Line(w, $"    atRest: {Bool(c.Encryption.AtRest)}");
        Line(w, $"    inTransit: {Bool(c.Encryption.InTransit)}");
        Line(w, $"    customerManagedKeys: {Bool(c.Encryption.CustomerManagedKeys)}");
        Line(w, $"    minimumTlsVersion: \"{c.Encryption.MinimumTlsVersion}\"");
        Line(w, "  auditLog:");
        Line(w, $"    enabled: {Bool(c.AuditLog.Enabled)}");
        Line(w, $"    retentionDays: {c.AuditLog.RetentionDays}");
        Line(w, $"  backupRetentionDays: {c.BackupRetentionDays}");
        if (c.Enforcement.Count > 0)
        {
            Line(w, "  enforcement:");
            foreach (var (framework, enforcement) in c.Enforcement.OrderBy(p => p.Key))
                Line(w, $"    {Words.Of(framework)}: {Words.Of(enforcement)}");
        }
    }

    private static void WriteTenants(StringBuilder w, IReadOnlyList<TenantConfig> tenants)
    {
        if (tenants.Count == 0)
        {
            Line(w, "tenants: []");
            return;
        }
        Line(w, "# Slugs and subdomains are DNS labels: lower-case letters, digits and '-'.");
        Line(w, "tenants:");
        var defaults = new TenantQuotas();
        foreach (var t in tenants)
        {
            Line(w, $"  - id: {Scalar(t.Id)}");
            Line(w, $"    name: {Scalar(t.Name)}");
            Line(w, $"    slug: {Scalar(t.Slug)}");
            Line(w, $"    subdomain: {Scalar(t.Subdomain)}");
            if (t.CustomDomain is { } domain) Line(w, $"    customDomain: {Scalar(domain)}");
            Line(w, $"    status: {Words.Of(t.Status)}");
            Line(w, $"    plan: {Scalar(t.Plan)}");
            if (t.Isolation is { } isolation) Line(w, $"    isolation: {Words.Of(isolation)}");
            Line(w, $"    quotas: {{ maxUsers: {t.Quotas.MaxUsers}, maxStorageGb: {t.Quotas.MaxStorageGb}, maxApiCallsPerMonth: {t.Quotas.MaxApiCallsPerMonth} }}");
        }
    }

    private static void WriteStacks(StringBuilder w, IReadOnlyList<StackConfig> stacks)
    {
        if (stacks.Count == 0)
        {
            Line(w, "stacks: {}");
            return;
        }
        Line(w, "# Stacks (environments) and what each overrides; regions default to deployment.regions.");
        Line(w, "stacks:");
        foreach (var s in stacks)
        {
            Line(w, $"  {s.Name}:");
            if (s.Regions is { } regions) Line(w, $"    regions: {List(regions)}");
            Line(w, $"    instances: {s.Instances}");
            Line(w, $"    databaseInstanceClass: {Scalar(s.DatabaseInstanceClass)}");
            Line(w, $"    deletionProtection: {Bool(s.DeletionProtection)}");
            Line(w, $"    image: {Scalar(s.Image)}");
        }
    }

    private static void WriteAcknowledgements(StringBuilder w, IReadOnlyList<Acknowledgement> acknowledgements)
    {
        if (acknowledgements.Count == 0) return;
        Line(w, "");
        Line(w, "# Warnings and failed controls accepted on purpose (docs/configuration.md#acknowledgements). Each holds until its");
        Line(w, "# 'until' day (UTC), then blocks again: review the reason before renewing it.");
        Line(w, "acknowledgements:");
        foreach (var a in acknowledgements)
        {
            Line(w, $"  - id: {Scalar(a.Id)}");
            Line(w, $"    reason: {Scalar(a.Reason)}");
            Line(w, $"    by: {Scalar(a.By)}");
            Line(w, $"    until: {a.UntilText}");
        }
    }

    private static void Line(StringBuilder w, string text) => w.Append(text).Append('\n');

    private static string Bool(bool value) => value ? "true" : "false";

    private static string List(IReadOnlyList<string> items) => $"[{string.Join(", ", items.Select(Scalar))}]";

    /// <summary>Plain when unambiguous, else double-quoted with escapes.</summary>
    internal static string Scalar(string value) =>
        Plain().IsMatch(value) && value is not ("true" or "false" or "null" or "yes" or "no" or "on" or "off" or "~")
            ? value
            : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
                .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"^[A-Za-z0-9/][A-Za-z0-9._/-]*$")]
    private static partial Regex Plain();
}
