using Toolkit.Compliance.Resources;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Compliance.Checks;

/// <summary>
/// Every Aurora writer cluster and S3 bucket is named by an AWS Backup selection, every plan keeps its recovery points
/// at least the required days, every vault is encrypted with a key of the program when customer-managed keys are on,
/// and, where recoverability is asked for (HIPAA 164.308(a)(7), SOC 2 A1.2, or a global database), every plan copies to
/// a vault in another region.
/// </summary>
public sealed class BackupPlanCheck : ICheck
{
    /// <inheritdoc />
    public string Id => "backup-plan";
    /// <inheritdoc />
    public string Title => "Databases and buckets are in an AWS Backup plan, copied to a second region where recoverability is required";
    /// <inheritdoc />
    public string ConfigPath => "backups";

    /// <inheritdoc />
    public CheckResult Run(CheckContext context)
    {
        var program = context.Program;
        // A secondary cluster of a global database holds the writer's data; the writer's backups cover it.
        var targets = program.OfType("aws:rds:Cluster").Where(c => c.Get("globalClusterIdentifier") is null || c.Get("masterUsername") is not null)
            .Concat(program.OfType("aws:s3:Bucket", "aws:s3:BucketV2")).ToList();
        var selections = program.OfType("aws:backup:Selection");
        var selectedBy = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var selection in selections)
            if (selection.Get("resources") is { } resources)
                foreach (var reference in ResourceReference.All(resources))
                {
                    if (!selectedBy.TryGetValue(reference.Resource, out var names)) selectedBy[reference.Resource] = names = [];
                    names.Add(selection.Name);
                }

        var evidence = new List<EvidenceItem>();
        foreach (var target in targets)
        {
            var by = selectedBy.GetValueOrDefault(target.Name);
            evidence.Add(Evidence.Of(target, "(aws:backup:Selection resources)", by is null ? "(none)" : string.Join(", ", by), by is not null, "named by a backup selection"));
        }
        var plans = program.OfType("aws:backup:Plan");
        if (targets.Count > 0 && plans.Count == 0) evidence.Add(Evidence.Missing("aws:backup:Plan", "a backup plan for the databases and buckets"));

        var required = RetentionFloors.RequiredBackupDays(context.Compliance, context.Applying);
        var copyRequired = context.Applying.Any(f => f is ComplianceFramework.Hipaa or ComplianceFramework.Soc2) || program.OfType("aws:rds:GlobalCluster").Count > 0;
        foreach (var plan in plans)
        {
            evidence.Add(Evidence.AtLeast(plan, "rules[0].lifecycle.deleteAfter", required));
            if (!copyRequired) continue;
            const string path = "rules[0].copyActions[0].destinationVaultArn";
            var vault = plan.Get(path) is { ValueKind: System.Text.Json.JsonValueKind.String } arn
                ? ResourceReference.In(arn.GetString()!).Select(r => program.Named(r.Resource)).FirstOrDefault(v => v is not null && v.Is("aws:backup:Vault"))
                : null;
            var elsewhere = vault?.Region is { } to && plan.Region is { } from && to != from;
            evidence.Add(Evidence.Of(plan, path, vault is null ? plan.Text(path) : $"{vault.Name} ({vault.Region ?? "region unknown"})", elsewhere,
                $"a vault in a region other than {plan.Region ?? "the plan's"}"));
        }
        if (context.Compliance.Encryption.CustomerManagedKeys)
            foreach (var vault in program.OfType("aws:backup:Vault"))
            {
                var key = vault.Get("kmsKeyArn") is { ValueKind: System.Text.Json.JsonValueKind.String } k
                    && ResourceReference.In(k.GetString()!).Any(r => program.Named(r.Resource)?.Is("aws:kms:Key") == true);
                evidence.Add(Evidence.Of(vault, "kmsKeyArn", vault.Text("kmsKeyArn"), key, "an aws:kms:Key of the program"));
            }
        return CheckResult.From(Id, evidence, "no databases or buckets AWS Backup protects in this program");
    }
}
