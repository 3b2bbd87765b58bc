using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Platforms.Aws;
using Toolkit.Stacks.Platforms.Cloudflare;
using Toolkit.Stacks.Platforms.Isolation;
using Toolkit.Stacks.Platforms.Kubernetes;
using Toolkit.Stacks.Platforms.Patterns;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Stacks.Platforms;

/// <summary>A defined stack: the program and what the definitions noticed on the way.</summary>
public sealed record DefinedStack(PulumiProgram Program, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// The stack definition for every combination of pattern x isolation x compute x edge: composes the
/// constructs of Aws/, Kubernetes/, Cloudflare/, Isolation/ and Patterns/ in a fixed order, so the same
/// config always gives the same program.
/// </summary>
public static class PlatformStack
{
    /// <summary>Defines the program for <paramref name="context"/>.</summary>
    public static DefinedStack Define(SynthesisContext context)
    {
        var scope = new StackScope(context);
        var tech = context.Config.Technologies;
        var images = ServiceConfig.Declare(scope);
        var useCloudflare = tech.Edge == "cloudflare" || tech.Storage == "r2";
        var cloudflare = useCloudflare ? CloudflareEdge.AddProvider(scope) : default;

        var providers = Foundation.AddProviders(scope);
        Encryption.DeclareAccountId(scope);
        var regions = providers.Select((provider, i) => Foundation.Add(scope, provider, i)).ToList();
        var trail = Logging.AddTrail(scope, regions[0].Key);

        var buckets = new List<Resource>();
        if (tech.Storage == "r2") CloudflareEdge.AddR2Bucket(scope, cloudflare.Account);
        else buckets.AddRange(regions.Select(r => Storage.AddBucket(scope, $"assets-{r.Region}", r.Region, r.Key)));
        if (trail is not null) buckets.Add(scope.Program.Find("audit-trail-bucket")!);

        var data = DataTier.Add(scope, regions);

        // Certificates validate against records the edge writes; the validations wait for exactly those records.
        var certificates = regions.ToDictionary(r => r.Region, r => Certificates.Add(scope, r.Region), StringComparer.Ordinal);
        Value? zoneId = null;
        IReadOnlyDictionary<string, Value> recordFqdns;
        if (tech.Edge == "cloudflare")
        {
            var record = CloudflareEdge.ValidationRecord(scope, certificates[context.PrimaryRegion], cloudflare.Zone);
            recordFqdns = regions.ToDictionary(r => r.Region, _ => record, StringComparer.Ordinal);
        }
        else
        {
            zoneId = Route53Edge.Zone(scope);
            recordFqdns = Route53Edge.ValidationRecords(scope, zoneId, certificates);
        }
        var validations = regions.ToDictionary(r => r.Region,
            r => Certificates.Validate(scope, r.Region, certificates[r.Region], recordFqdns[r.Region]), StringComparer.Ordinal);

        var identity = WorkloadIdentity.Add(scope, data, regions, buckets);
        var services = AppServices.Add(scope, regions, identity, new EdgeDns(zoneId, tech.Edge == "cloudflare" ? cloudflare.Zone : null));
        var computes = regions.Select(r => tech.Compute == "kubernetes"
            ? KubernetesCompute.Add(scope, r, images, data, identity, validations[r.Region].Output("certificateArn"), services)
            : Ecs.Add(scope, r, identity, validations[r.Region], images, data, services)).ToList();

        for (var i = 0; i < regions.Count; i++) Monitoring.Add(scope, regions[i], computes[i], data);
        var backups = Backup.Add(scope, regions, data, buckets);
        TenantLimits.Add(scope);

        if (tech.Edge == "cloudflare") CloudflareEdge.Add(scope, computes, cloudflare.Account, cloudflare.Zone);
        else Route53Edge.Add(scope, zoneId!, computes);

        Outputs.Add(scope, regions, computes, data, trail, buckets, backups);
        return new DefinedStack(scope.Program.Build(), scope.Diagnostics);
    }
}
