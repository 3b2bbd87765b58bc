using Toolkit.Compliance.Checks;
using Toolkit.Compliance.Evaluation;
using Toolkit.Compliance.Evidence;
using Toolkit.Compliance.Resources;
using Toolkit.Compliance.Tests.Synthesis;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Compliance.Tests;

/// <summary>The backup plan (with its cross-region copy) and the alarms as evidence, named resource by resource.</summary>
public sealed class RecoverabilityEvidenceSpecs
{
    private static readonly Lazy<ComplianceEvaluation> Hipaa = new(() => Synthesized.Evaluate(Synthesized.HipaaPlatform));

    private static CheckReport Check(ComplianceEvaluation evaluation, string framework, string control, string check) =>
        evaluation.Report.Frameworks.Single(f => f.Id == framework).Controls.Single(c => c.Id == control).Checks.Single(k => k.Id == check);

    private static EvidenceItem Item(CheckReport check, string resource, string property) =>
        check.Evidence.Single(e => e.Resource == resource && e.Property == property);

    [Fact]
    public void I_can_see_hipaa_contingency_evidence_name_the_plan_its_copy_vault_and_region()
    {
        var check = Check(Hipaa.Value, "hipaa", "164.308(a)(7)", "backup-plan");

        Assert.Equal(CheckStatus.Pass, check.Status);
        Assert.Equal("backup-vault-us-east-2 (us-east-2)", Item(check, "backup-plan-us-east-1", "rules[0].copyActions[0].destinationVaultArn").Value);
        Assert.Equal("backup-databases-us-east-1", Item(check, "main-us-east-1", "(aws:backup:Selection resources)").Value);
        Assert.Equal("backup-buckets-us-east-1", Item(check, "assets-us-east-1", "(aws:backup:Selection resources)").Value);
        Assert.Equal("35", Item(check, "backup-plan-us-east-1", "rules[0].lifecycle.deleteAfter").Value);
        Assert.True(Item(check, "backup-vault-us-east-2", "kmsKeyArn").Satisfied);
    }

    [Fact]
    public void I_can_see_soc2_recovery_control_use_the_backup_plan_too()
    {
        var check = Check(Hipaa.Value, "soc2", "A1.2", "backup-plan");

        Assert.Equal(CheckStatus.Pass, check.Status);
        Assert.True(Item(check, "backup-plan-us-east-1", "rules[0].copyActions[0].destinationVaultArn").Satisfied);
    }

    [Fact]
    public void I_can_see_soc2_monitoring_evidence_name_the_alarms_and_their_topic()
    {
        var check = Check(Hipaa.Value, "soc2", "CC7.2", "alarms");

        Assert.Equal(CheckStatus.Pass, check.Status);
        Assert.Equal("alarm-5xx-us-east-1, alarm-latency-us-east-1", Item(check, "alb-us-east-1", "(aws:cloudwatch:MetricAlarm)").Value);
        Assert.Equal("alarm-cpu-main-us-east-1", Item(check, "main-us-east-1", "(aws:cloudwatch:MetricAlarm)").Value);
        Assert.True(Item(check, "alarm-cpu-main-us-east-1", "alarmActions").Satisfied);
    }

    [Fact]
    public void I_can_see_a_program_without_any_backup_plan_fail_the_contingency_control()
    {
        var failing = Synthesized.EvaluateEmitted(Synthesized.HipaaPlatform, main => main.Replace("type: aws:backup/plan:Plan", "type: aws:backup/reportPlan:ReportPlan", StringComparison.Ordinal));

        var check = Check(failing, "hipaa", "164.308(a)(7)", "backup-plan");
        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.False(Item(check, "(none)", "(resource)").Satisfied);
    }

    [Fact]
    public void I_can_see_the_same_recoverability_evidence_from_the_model_and_from_the_written_program()
    {
        var config = Synthesized.Config(Synthesized.HipaaPlatform);
        var resolved = config.ResolveStack("prod");
        var context = new SynthesisContext(resolved.Config, resolved.Stack, resolved.Regions);
        var program = Stacks.Platforms.PlatformStack.Define(context).Program;
        var main = ProgramEmitter.Emit(program).First(f => f.Path == "Main.yaml").Content;

        var fromModel = ComplianceEvaluator.Evaluate(new CheckContext(config, "prod", ProgramViewBuilder.From(program, context.Regions)), new Provenance("0.1.0", "toolkit.yaml", ""));
        var fromFile = ComplianceEvaluator.Evaluate(new CheckContext(config, "prod", PulumiYamlReader.Read(main, "Main.yaml", context.Regions)), new Provenance("0.1.0", "toolkit.yaml", ""));

        foreach (var (framework, control, check) in new[] { ("hipaa", "164.308(a)(7)", "backup-plan"), ("soc2", "CC7.2", "alarms"), ("soc2", "A1.2", "backup-plan") })
            Assert.Equal(Check(fromModel, framework, control, check).Evidence, Check(fromFile, framework, control, check).Evidence);
    }
}

/// <summary>A tiered platform (tenants[].isolation overrides) judged tenant by tenant.</summary>
public sealed class TieredIsolationSpecs
{
    private static string WithTenantIsolation(string slug, string isolation) =>
        Synthesized.HipaaPlatform.Replace($"slug: {slug}, subdomain: {slug} }}", $"slug: {slug}, subdomain: {slug}, isolation: {isolation} }}", StringComparison.Ordinal);

    private static CheckReport Isolation(ComplianceEvaluation evaluation) =>
        evaluation.Report.Frameworks.Single(f => f.Id == "hipaa").Controls.Single(c => c.Id == "164.312(c)(1)").Checks.Single(k => k.Id == "tenant-isolation");

    [Fact]
    public void I_can_see_a_silo_tenant_judged_by_its_own_database_and_the_pooled_one_by_the_shared_database()
    {
        var yaml = WithTenantIsolation("lakeside", "db-per-tenant");
        Assert.NotEqual(Synthesized.HipaaPlatform, yaml);

        var check = Isolation(Synthesized.Evaluate(yaml));

        Assert.Equal(CheckStatus.Pass, check.Status);
        Assert.Equal("db-per-tenant", check.Evidence.Single(e => e.Property == "(database of tenant lakeside)").Value);
        Assert.Equal("schema-per-tenant", check.Evidence.Single(e => e.Property == "(tenant riverbend in the shared database)").Value);
        Assert.Equal("main-us-east-1", check.Evidence.Single(e => e.Property == "(tenant riverbend in the shared database)").Resource);
    }

    [Fact]
    public void I_can_see_hipaa_fail_a_tenant_moved_into_shared_tables()
    {
        var check = Isolation(Synthesized.Evaluate(WithTenantIsolation("riverbend", "rls")));

        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.False(check.Evidence.Single(e => e.Property == "(tenant riverbend in the shared database)").Satisfied);
        Assert.True(check.Evidence.Single(e => e.Property == "(tenant lakeside in the shared database)").Satisfied);
    }
}
