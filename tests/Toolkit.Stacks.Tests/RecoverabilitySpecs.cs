using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Catalogue;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Deployability;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Platforms;
using Toolkit.Stacks.Platforms.Kubernetes;
using Toolkit.Stacks.Schemas;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Stacks.Tests;

/// <summary>
/// Recoverability and operations: AWS Backup with a cross-region copy, alarm thresholds and backup settings from
/// toolkit.yaml, tenant quotas where a resource can carry them, and per-tenant isolation overrides (a tiered platform).
/// </summary>
public sealed class RecoverabilitySpecs
{
    private static ToolkitConfig Sample(string id, Func<ToolkitConfig, ToolkitConfig>? change = null, int tenants = 3)
    {
        var config = Combination.All.Single(c => c.Id == id).SampleConfig(tenants);
        return change is null ? config : change(config);
    }

    private static DefinedStack Define(ToolkitConfig config) => PlatformStack.Define(SynthesisContext.For(config, config.Stacks[0]));

    private static PulumiProgram Program(string id, Func<ToolkitConfig, ToolkitConfig>? change = null, int tenants = 3) =>
        Define(Sample(id, change, tenants)).Program;

    private static Resource Named(PulumiProgram program, string name) => program.Resources.Single(r => r.Name == name);

    private static Value? At(PulumiProgram program, string name, string path) => ProgramFacts.At(Named(program, name).Properties, path);

    private static IReadOnlyList<Value> Items(PulumiProgram program, string name, string path) => ProgramFacts.Items(At(program, name, path));

    /// <summary>Synthesizes through the whole pipeline (schemas, deployability rules) and asserts it is clean.</summary>
    private static void AssertSynthesizes(ToolkitConfig config)
    {
        var result = new StackSynthesizer(SchemaSet.Embedded, []).Synthesize(SynthesisContext.For(config, config.Stacks[0]));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.Severity == Severity.Error)));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Warning);
    }

    private static ToolkitConfig Silo(ToolkitConfig c, string tenantId) =>
        c with { Tenants = c.Tenants.Select(t => t.Id == tenantId ? t with { Isolation = IsolationLevel.DbPerTenant } : t).ToList() };

    [Fact]
    public void I_can_see_the_database_and_buckets_backed_up_into_a_vault_encrypted_with_the_stack_key()
    {
        var program = Program("single-region.rls.aws-ecs.aws");

        Assert.Equal(Expr.Ref("kms-us-east-1.arn"), At(program, "backup-vault-us-east-1", "kmsKeyArn"));
        Assert.Equal([Expr.Ref("main-us-east-1.arn")], Items(program, "backup-databases-us-east-1", "resources"));
        Assert.Equal([Expr.Ref("assets-us-east-1.arn"), Expr.Ref("audit-trail-bucket.arn")], Items(program, "backup-buckets-us-east-1", "resources"));
        Assert.Equal(Expr.Ref("backup-plan-us-east-1.id"), At(program, "backup-databases-us-east-1", "planId"));
        Assert.Equal(Expr.Ref("backup-role.arn"), At(program, "backup-buckets-us-east-1", "iamRoleArn"));
        Assert.Equal(Expr.Ref("backup-vault-us-east-1.name"), At(program, "backup-plan-us-east-1", "rules[0].targetVaultName"));
        Assert.Equal(new IntegerValue(14), At(program, "backup-plan-us-east-1", "rules[0].lifecycle.deleteAfter"));
        Assert.Equal(new StringValue(BackupConfig.DefaultSchedule), At(program, "backup-plan-us-east-1", "rules[0].schedule"));
        Assert.Equal(new StringValue("backup.amazonaws.com"), At(program, "backup-role", "assumeRolePolicy.Statement[0].Principal.Service"));
        Assert.Equal(new StringValue("arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"), At(program, "backup-role-backup", "policyArn"));
        Assert.Equal(new StringValue("arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup"), At(program, "backup-role-s3-backup", "policyArn"));
    }

    [Fact]
    public void I_can_see_soc2_copy_a_single_regions_backups_to_a_vault_of_its_own_in_the_next_region()
    {
        var program = Program("single-region.rls.aws-ecs.aws");

        Assert.Equal(Expr.Ref("backup-vault-us-east-2.arn"), At(program, "backup-plan-us-east-1", "rules[0].copyActions[0].destinationVaultArn"));
        Assert.Equal(new IntegerValue(14), At(program, "backup-plan-us-east-1", "rules[0].copyActions[0].lifecycle.deleteAfter"));
        Assert.Equal("us-east-2", Named(program, "backup-vault-us-east-2").Region);
        Assert.Equal(Expr.Ref("kms-backup-us-east-2.arn"), At(program, "backup-vault-us-east-2", "kmsKeyArn"));
        Assert.Equal("aws-us-east-2", Named(program, "backup-vault-us-east-2").Options.Provider);
        Assert.Equal(new StringValue("us-east-2"), At(program, "aws-us-east-2", "region"));
        Assert.Equal(new StringValue("us-east-2"), ProgramFacts.At(program.Output("compliance")!.Value, "backups.copyRegion"));
        Assert.Equal([new StringValue("backup-plan-us-east-1")], ProgramFacts.Items(ProgramFacts.At(program.Output("compliance")!.Value, "backups.plans")));
    }

    [Fact]
    public void I_can_see_no_copy_across_regions_when_no_framework_asks_and_there_is_one_region()
    {
        var program = Program("single-region.rls.aws-ecs.aws", c => c with { Compliance = c.Compliance with { Frameworks = [] } });

        Assert.Null(At(program, "backup-plan-us-east-1", "rules[0].copyActions"));
        Assert.DoesNotContain(program.Resources, r => r.Name == "aws-us-east-2");
        Assert.Null(ProgramFacts.At(program.Output("compliance")!.Value, "backups.copyRegion"));
    }

    [Fact]
    public void I_can_see_a_multi_region_platform_copy_each_regions_backups_to_the_other()
    {
        var program = Program("multi-region.rls.aws-ecs.aws", c => c with { Compliance = c.Compliance with { Frameworks = [] } });

        Assert.Equal(Expr.Ref("backup-vault-eu-west-1.arn"), At(program, "backup-plan-us-east-1", "rules[0].copyActions[0].destinationVaultArn"));
        Assert.Equal(Expr.Ref("backup-vault-us-east-1.arn"), At(program, "backup-plan-eu-west-1", "rules[0].copyActions[0].destinationVaultArn"));
        Assert.Equal(Expr.Ref("kms-eu-west-1.arn"), At(program, "backup-vault-eu-west-1", "kmsKeyArn"));
        Assert.Equal([Expr.Ref("assets-eu-west-1.arn")], Items(program, "backup-buckets-eu-west-1", "resources"));
        // The secondary cluster holds the writer's data: only the writer is backed up.
        Assert.DoesNotContain(program.Resources, r => r.Name == "backup-databases-eu-west-1");
        Assert.DoesNotContain(program.Resources, r => r.Type == "pulumi:providers:aws" && r.Name == "aws-us-east-2");
    }

    [Fact]
    public void I_can_set_backup_retention_schedule_and_copy_region_in_toolkit_yaml()
    {
        var program = Program("single-region.rls.aws-ecs.aws", c => c with
        {
            Backups = new BackupConfig { RetentionDays = 90, CopyRetentionDays = 30, CopyRegion = "us-west-2", Schedule = "cron(0 2 * * ? *)" },
        });

        Assert.Equal(new IntegerValue(90), At(program, "backup-plan-us-east-1", "rules[0].lifecycle.deleteAfter"));
        Assert.Equal(new IntegerValue(30), At(program, "backup-plan-us-east-1", "rules[0].copyActions[0].lifecycle.deleteAfter"));
        Assert.Equal(new StringValue("cron(0 2 * * ? *)"), At(program, "backup-plan-us-east-1", "rules[0].schedule"));
        Assert.Equal(Expr.Ref("backup-vault-us-west-2.arn"), At(program, "backup-plan-us-east-1", "rules[0].copyActions[0].destinationVaultArn"));
    }

    [Fact]
    public void I_can_keep_the_default_copy_inside_the_data_residency()
    {
        var program = Program("single-region.rls.aws-ecs.aws", c => c with
        {
            Deployment = c.Deployment with { Regions = ["eu-west-1"] },
            Compliance = c.Compliance with { DataResidency = new DataResidencyConfig(["eu-west-1", "eu-west-3"], []) },
        });

        Assert.Equal(Expr.Ref("backup-vault-eu-west-3.arn"), At(program, "backup-plan-eu-west-1", "rules[0].copyActions[0].destinationVaultArn"));
    }

    [Fact]
    public void I_can_see_a_warning_when_no_region_fits_the_residency_for_the_copy()
    {
        var defined = Define(Sample("single-region.rls.aws-ecs.aws", c => c with
        {
            Compliance = c.Compliance with { DataResidency = new DataResidencyConfig(["us-east-1"], []) },
        }));

        Assert.Contains(defined.Diagnostics, d => d.Severity == Severity.Warning && d.Code == "TK-STACK-BACKUP-COPY");
        Assert.Null(ProgramFacts.At(defined.Program.Resources.Single(r => r.Name == "backup-plan-us-east-1").Properties, "rules[0].copyActions"));
    }

    [Fact]
    public void I_can_see_a_thousand_tenant_databases_split_into_selections_of_at_most_five_hundred()
    {
        var program = Program("single-region.db-per-tenant.aws-ecs.aws", tenants: 1001);

        Assert.Equal(500, Items(program, "backup-databases-us-east-1", "resources").Count);
        Assert.Equal(500, Items(program, "backup-databases-us-east-1-2", "resources").Count);
        Assert.Equal([Expr.Ref("tenant-t01001-us-east-1.arn")], Items(program, "backup-databases-us-east-1-3", "resources"));
        Assert.Equal(new StringValue("acme-prod-databases-3"), At(program, "backup-databases-us-east-1-3", "name"));
    }

    [Fact]
    public void I_can_see_the_backups_of_every_shape_pass_the_schemas_and_the_deployability_rules()
    {
        AssertSynthesizes(Sample("single-region.rls.aws-ecs.aws", c => c with { Backups = new BackupConfig { CopyRegion = "us-west-2", RetentionDays = 400 } }));
        AssertSynthesizes(Sample("multi-region.db-per-tenant.kubernetes.cloudflare"));
        AssertSynthesizes(Sample("single-region.schema-per-tenant.aws-ecs.cloudflare", c => Silo(c, "tenant-00002")));
        AssertSynthesizes(Sample("blue-green.rls.kubernetes.aws", c => Silo(c, "tenant-00003")));
    }

    [Fact]
    public void I_can_set_every_alarm_threshold_in_toolkit_yaml()
    {
        var program = Program("multi-region.rls.aws-ecs.aws", c => c with
        {
            Monitoring = new MonitoringConfig { Alarms = new AlarmThresholds { ErrorRate = 0.1, P95LatencyMs = 2000, DatabaseCpuPercent = 65, ReplicationLagMs = 5000 } },
        });

        Assert.Equal(new NumberValue(0.1), At(program, "alarm-5xx-us-east-1", "threshold"));
        Assert.Equal(new NumberValue(2.0), At(program, "alarm-latency-us-east-1", "threshold"));
        Assert.Equal(new IntegerValue(65), At(program, "alarm-cpu-main-us-east-1", "threshold"));
        Assert.Equal(new IntegerValue(5000), At(program, "alarm-lag-main-eu-west-1", "threshold"));
        Assert.Equal(new StringValue("Target 5xx rate above 0.1 for 3 minutes"), At(program, "alarm-5xx-us-east-1", "alarmDescription"));
    }

    [Fact]
    public void I_can_leave_alarm_thresholds_out_and_get_the_rollback_triggers_and_the_defaults()
    {
        var program = Program("single-region.rls.aws-ecs.aws");

        Assert.Equal(new NumberValue(0.02), At(program, "alarm-5xx-us-east-1", "threshold"));
        Assert.Equal(new NumberValue(0.5), At(program, "alarm-latency-us-east-1", "threshold"));
        Assert.Equal(new IntegerValue(80), At(program, "alarm-cpu-main-us-east-1", "threshold"));
    }

    [Fact]
    public void I_can_read_backups_and_monitoring_from_toolkit_yaml()
    {
        var yaml = Configuration.SampleConfig.With("stacks:\n", """
            backups:
              retentionDays: 120
              copyRetentionDays: 60
              copyRegion: us-west-2
              schedule: "cron(30 1 * * ? *)"
            monitoring:
              alarms:
                errorRate: 0.05
                p95LatencyMs: 900
                databaseCpuPercent: 70
                replicationLagMs: 2500
            stacks:

            """);

        var config = ConfigLoader.Parse(yaml, "toolkit.yaml");

        Assert.Equal(120, config.Backups.RetentionDays);
        Assert.Equal(60, config.Backups.CopyRetentionDays);
        Assert.Equal("us-west-2", config.Backups.CopyRegion);
        Assert.Equal("cron(30 1 * * ? *)", config.Backups.Schedule);
        Assert.Equal(0.05, config.Monitoring.Alarms.ErrorRate);
        Assert.Equal(900, config.Monitoring.Alarms.P95LatencyMs);
        Assert.Equal(70, config.Monitoring.Alarms.DatabaseCpuPercent);
        Assert.Equal(2500, config.Monitoring.Alarms.ReplicationLagMs);
    }

    [Fact]
    public void I_can_see_storage_users_and_api_calls_reach_each_tenant_namespace()
    {
        var defined = Define(Sample("single-region.db-per-tenant.kubernetes.aws"));
        var program = defined.Program;

        Assert.Equal(new StringValue("20Gi"), Assert.IsType<MapValue>(At(program, "quota-t00001-us-east-1", "spec.hard"))["requests.storage"]);
        Assert.Equal(new StringValue("50"), At(program, "limits-t00001-us-east-1", "data.maxUsers"));
        Assert.Equal(new StringValue("20"), At(program, "limits-t00001-us-east-1", "data.maxStorageGb"));
        Assert.Equal(new StringValue("1000000"), At(program, "limits-t00001-us-east-1", "data.maxApiCallsPerMonth"));
        Assert.Equal(Expr.Ref("ns-t00001-us-east-1.metadata.name"), At(program, "limits-t00001-us-east-1", "metadata.namespace"));
        Assert.Equal(new StringValue(TenantLimits.ConfigMapName), At(program, "limits-t00001-us-east-1", "metadata.name"));
        Assert.Contains(defined.Diagnostics, d => d.Severity == Severity.Info && d.Code == TenantLimits.Code && d.Message.Contains("requests.storage", StringComparison.Ordinal));
    }

    [Fact]
    public void I_can_see_an_info_naming_the_quotas_no_resource_carries()
    {
        var defined = Define(Sample("single-region.rls.aws-ecs.aws"));

        Assert.DoesNotContain(defined.Program.Resources, r => r.Type == "kubernetes:core/v1:ConfigMap");
        var info = Assert.Single(defined.Diagnostics, d => d.Code == TenantLimits.Code);
        Assert.Equal(Severity.Info, info.Severity);
        Assert.Contains("3 tenant(s)", info.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("single-region.db-per-tenant.kubernetes.aws", true)]
    [InlineData("single-region.rls.kubernetes.aws", false)]
    [InlineData("single-region.schema-per-tenant.kubernetes.cloudflare", false)]
    public void I_can_trust_the_kubernetes_catalogue_text_about_namespaces_quotas_and_network_policies_per_tenant(string id, bool perTenant)
    {
        var text = TechnologyCatalogue.Default.Category("compute")!.Find("kubernetes")!.UseWhen;
        Assert.Contains("with db-per-tenant isolation each tenant gets its own namespace with a ResourceQuota", text, StringComparison.Ordinal);
        Assert.Contains("rls and schema-per-tenant tenants share the platform namespace", text, StringComparison.Ordinal);

        var program = Program(id);

        foreach (var slug in new[] { "t00001", "t00002", "t00003" })
        {
            Assert.Equal(perTenant, program.Resources.Any(r => r.Name == $"ns-{slug}-us-east-1" && r.Type == "kubernetes:core/v1:Namespace"));
            Assert.Equal(perTenant, program.Resources.Any(r => r.Name == $"quota-{slug}-us-east-1" && r.Type == "kubernetes:core/v1:ResourceQuota"));
            Assert.Equal(perTenant, program.Resources.Any(r => r.Name == $"limits-{slug}-us-east-1" && r.Type == "kubernetes:core/v1:ConfigMap"));
            Assert.Equal(perTenant ? 2 : 0, program.Resources.Count(r => r.Name.EndsWith($"-{slug}-us-east-1", StringComparison.Ordinal) && r.Type == "kubernetes:networking.k8s.io/v1:NetworkPolicy"));
        }
    }

    [Fact]
    public void I_can_give_one_tenant_of_a_pooled_platform_a_database_of_its_own()
    {
        var program = Program("single-region.rls.aws-ecs.aws", c => Silo(c, "tenant-00002"));

        Assert.Contains(program.Resources, r => r.Name == "main-us-east-1" && r.Type == "aws:rds/cluster:Cluster");
        Assert.Contains(program.Resources, r => r.Name == "tenant-t00002-us-east-1" && r.Type == "aws:rds/cluster:Cluster");
        Assert.DoesNotContain(program.Resources, r => r.Name == "tenant-t00001-us-east-1");
        Assert.Equal(Expr.Ref("kms-t00002-us-east-1.arn"), At(program, "tenant-t00002-us-east-1", "kmsKeyId"));
        Assert.Equal(new StringValue("acme/prod/tenant-t00002"), At(program, "tenant-t00002-credentials", "name"));
        Assert.Equal(Expr.Ref("tenant-t00002-us-east-1.clusterIdentifier"), At(program, "alarm-cpu-tenant-t00002-us-east-1", "dimensions.DBClusterIdentifier"));
        Assert.Equal([Expr.Ref("main-us-east-1.arn"), Expr.Ref("tenant-t00002-us-east-1.arn")], Items(program, "backup-databases-us-east-1", "resources"));
    }

    [Fact]
    public void I_can_see_the_services_of_a_tiered_platform_read_the_shared_secret_and_the_silo_tenants_secrets()
    {
        var program = Program("single-region.rls.aws-ecs.aws", c => Silo(c, "tenant-00002"));

        var task = Named(program, "task-app-us-east-1");
        var environment = ProgramFacts.Items(ProgramFacts.At(task.Properties, "containerDefinitions[0].environment"));
        Assert.Contains(environment, e => ProgramFacts.Text(ProgramFacts.At(e, "name")) == "DATABASE_SECRET_NAME_PREFIX" && ProgramFacts.Text(ProgramFacts.At(e, "value")) == "acme/prod/tenant-");
        Assert.Equal(Expr.Ref("main-credentials.arn"), At(program, "task-app-us-east-1", "containerDefinitions[0].secrets[0].valueFrom"));
        var secrets = Items(program, "task-role-policy", "policy.Statement[0].Resource");
        Assert.Equal(Expr.Ref("main-credentials.arn"), secrets[0]);
        Assert.Equal(Expr.Format("arn:aws:secretsmanager:us-east-1:${account-id}:secret:acme/prod/tenant-*"), secrets[1]);
        Assert.Equal([Expr.Ref("main-credentials.arn")], Items(program, "task-execution-role-policy", "policy.Statement[0].Resource"));
    }

    [Fact]
    public void I_can_give_one_tenant_of_a_silo_platform_a_place_in_a_shared_database()
    {
        var program = Program("single-region.db-per-tenant.kubernetes.aws", c => c with
        {
            Tenants = c.Tenants.Select(t => t.Id == "tenant-00001" ? t with { Isolation = IsolationLevel.SchemaPerTenant } : t).ToList(),
        });

        Assert.Contains(program.Resources, r => r.Name == "main-us-east-1" && r.Type == "aws:rds/cluster:Cluster");
        Assert.DoesNotContain(program.Resources, r => r.Name == "tenant-t00001-us-east-1");
        Assert.Contains(program.Resources, r => r.Name == "tenant-t00002-us-east-1" && r.Type == "aws:rds/cluster:Cluster");
        var env = ProgramFacts.Items(At(program, "tenant-t00001-app-us-east-1", "spec.template.spec.containers[0].env"));
        Assert.Contains(env, e => ProgramFacts.At(e, "value") == Expr.Ref("main-credentials.arn"));
    }
}
