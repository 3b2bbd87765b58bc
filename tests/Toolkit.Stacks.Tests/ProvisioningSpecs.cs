using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Deployability;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Platforms;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Stacks.Tests;

/// <summary>What the config chooses has a meaning in the program: alarms to SNS, suspended tenants without a route.</summary>
public sealed class ProvisioningSpecs
{
    private static PulumiProgram Define(string id, Func<ToolkitConfig, ToolkitConfig>? change = null)
    {
        var config = Combination.All.Single(c => c.Id == id).SampleConfig();
        if (change is not null) config = change(config);
        return PlatformStack.Define(SynthesisContext.For(config, config.Stacks[0])).Program;
    }

    [Fact]
    public void I_can_see_alarms_at_the_rollback_triggers_notify_each_regions_topic()
    {
        var program = Define("multi-region.rls.aws-ecs.aws", c => c with
        {
            Deployment = c.Deployment with { BlueGreen = c.Deployment.BlueGreen with { RollbackTriggers = new RollbackTriggers(0.05, 750) } },
        });

        var topics = program.OfType("aws:sns/topic:Topic").ToList();
        Assert.Equal(["alarms-us-east-1", "alarms-eu-west-1"], topics.Select(t => t.Name));
        Assert.All(topics, t => Assert.IsType<Interpolation>(t["kmsMasterKeyId"]));
        var alarms = program.OfType("aws:cloudwatch/metricAlarm:MetricAlarm").ToDictionary(a => a.Name);
        Assert.Equal(new NumberValue(0.05), alarms["alarm-5xx-eu-west-1"]["threshold"]);
        Assert.Equal(new NumberValue(0.75), alarms["alarm-latency-us-east-1"]["threshold"]);
        Assert.Equal(new StringValue("p95"), alarms["alarm-latency-us-east-1"]["extendedStatistic"]);
        Assert.Equal(new StringValue("AuroraGlobalDBReplicationLag"), alarms["alarm-lag-main-eu-west-1"]["metricName"]);
        Assert.DoesNotContain("alarm-lag-main-us-east-1", alarms.Keys);
        Assert.Equal(Expr.Ref("alarms-eu-west-1.arn"), Assert.Single(ProgramFacts.Items(alarms["alarm-cpu-main-eu-west-1"]["alarmActions"])));
        Assert.Equal(Expr.Ref("alb-eu-west-1.arnSuffix"), ProgramFacts.At(alarms["alarm-5xx-eu-west-1"]["metricQueries"], "[1].metric.dimensions.LoadBalancer"));
    }

    [Theory]
    [InlineData("single-region.rls.aws-ecs.aws", "aws:route53/record:Record")]
    [InlineData("single-region.rls.aws-ecs.cloudflare", "cloudflare:index/dnsRecord:DnsRecord")]
    public void I_can_suspend_a_tenant_and_see_it_lose_its_route(string id, string recordType)
    {
        var program = Define(id, c => c with { Tenants = c.Tenants.Select(t => t.Id == "tenant-00002" ? t with { Status = TenantStatus.Suspended } : t).ToList() });

        var records = program.OfType(recordType).Select(r => r.Name).ToList();
        Assert.Contains("tenant-t00001", records);
        Assert.DoesNotContain("tenant-t00002", records);
        Assert.DoesNotContain(program.Resources, r => r.Name.Contains("t00002", StringComparison.Ordinal) && r.Type.Contains("customHostname", StringComparison.Ordinal));
    }

    [Fact]
    public void I_can_suspend_a_tenant_and_see_its_own_pods_scaled_to_zero()
    {
        var program = Define("single-region.db-per-tenant.kubernetes.aws",
            c => c with { Tenants = c.Tenants.Select(t => t.Id == "tenant-00002" ? t with { Status = TenantStatus.Suspended } : t).ToList() });

        var deployment = program.Resources.Single(r => r.Name == "tenant-t00002-app-us-east-1");
        Assert.Equal(new IntegerValue(0), ProgramFacts.At(deployment.Properties, "spec.replicas"));
        Assert.DoesNotContain(program.Resources, r => r.Name == "tenant-t00002-app-us-east-1-hpa");
        Assert.Contains(program.Resources, r => r.Name == "tenant-t00001-app-us-east-1-hpa");
        Assert.DoesNotContain(program.OfType("aws:route53/record:Record"), r => r.Name == "tenant-t00002");
        // Its data stays: the cluster is still there.
        Assert.Contains(program.Resources, r => r.Name == "tenant-t00002-us-east-1" && r.Type == "aws:rds/cluster:Cluster");
    }
}
