using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Deployability;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Platforms;
using Toolkit.Stacks.Synthesis;
using Toolkit.Stacks.Tests.Support;

namespace Toolkit.Stacks.Tests.Deployability;

/// <summary>
/// The deployability rules hold on every combination (and its variants), and each one fires when the program is
/// broken on purpose in exactly the way it guards against.
/// </summary>
public sealed class DeployabilitySpecs
{
    public static TheoryData<string> Combinations => new(Combination.All.Select(c => c.Id));

    private static (SynthesisContext Context, PulumiProgram Program) Define(string id, Func<ToolkitConfig, ToolkitConfig>? change = null)
    {
        var config = Combination.All.Single(c => c.Id == id).SampleConfig();
        if (change is not null) config = change(config);
        var context = SynthesisContext.For(config, config.Stacks[0]);
        return (context, PlatformStack.Define(context).Program);
    }

    private static ToolkitConfig CreateZone(ToolkitConfig c) => c with { Deployment = c.Deployment with { HostedZone = HostedZoneMode.Create } };

    private static ToolkitConfig NoCompliance(ToolkitConfig c) => c with
    {
        Compliance = new ComplianceConfig { Encryption = new EncryptionConfig(AtRest: false, CustomerManagedKeys: false), AuditLog = new AuditLogConfig(false, 30) },
    };

    private static ToolkitConfig External(ToolkitConfig c) => c with
    {
        Technologies = new TechnologyChoices(new Dictionary<string, string>(c.Technologies.ByCategory) { ["database"] = "neon", ["storage"] = "r2" }),
    };

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Combinations))]
    public async Task I_can_deploy_every_combination_and_its_variants_without_a_finding(string id)
    {
        foreach (var change in new Func<ToolkitConfig, ToolkitConfig>?[] { null, CreateZone, NoCompliance, External })
        {
            var (context, program) = await Task.Run(() => Define(id, change));
            var findings = DeployabilityCheck.Check(context, program);
            Assert.True(findings.Count == 0, string.Join("\n", findings));
        }
    }

    private const string Ecs = "single-region.rls.aws-ecs.aws";
    private const string EcsCloudflare = "multi-region.schema-per-tenant.aws-ecs.cloudflare";
    private const string K8sCloudflare = "blue-green.db-per-tenant.kubernetes.cloudflare";
    private const string K8sAws = "blue-green.rls.kubernetes.aws";

    private static Resource Extra(string name, string type, string region = "us-east-1") =>
        new(name, type, MapValue.Empty) { Options = new ResourceOptions { Provider = $"aws-{region}" }, Region = region };

    /// <summary>(rule, combination, what the break does, the break).</summary>
    public static IEnumerable<(string Code, string Combination, string What, Func<PulumiProgram, PulumiProgram> Break)> Breaks()
    {
        yield return ("TK-DEPLOY-CERT-VALIDATION", Ecs, "validation without validationRecordFqdns",
            p => p.Resource("cert-us-east-1-validation", r => r.Set("validationRecordFqdns", null)));
        yield return ("TK-DEPLOY-HOSTED-ZONE", Ecs, "a new zone nobody asked for",
            p => p with { Resources = [.. p.Resources, Extra("zone", "aws:route53/zone:Zone")] });
        yield return ("TK-DEPLOY-REGION-SERVES", EcsCloudflare, "a read-only secondary",
            p => p.Resource("main-eu-west-1", r => r.Set("enableGlobalWriteForwarding", null)));
        yield return ("TK-DEPLOY-REGION-SERVES", EcsCloudflare, "EU tasks given the primary's endpoint",
            p => p.Resource("task-app-eu-west-1", r => r.Set("containerDefinitions[0].environment",
                Expr.List(Expr.Map(("name", "DATABASE_HOST"), ("value", Expr.Ref("main-us-east-1.endpoint")))))));
        yield return ("TK-DEPLOY-WORKLOAD-IDENTITY", Ecs, "a task without a task role",
            p => p.Resource("task-app-us-east-1", r => r.Set("taskRoleArn", null)));
        yield return ("TK-DEPLOY-WORKLOAD-IDENTITY", K8sAws, "pods on the default service account",
            p => p.Resource("web-blue-us-east-1", r => r.Set("spec.template.spec.serviceAccountName", null)));
        yield return ("TK-DEPLOY-ARN", Ecs, "a secret name where an ARN belongs",
            p => p.Resource("task-app-us-east-1", r => r.Set("containerDefinitions[0].environment",
                Expr.List(Expr.Map(("name", "DATABASE_SECRET_ARN"), ("value", "acme/prod/main"))))));
        yield return ("TK-DEPLOY-POLICY-SCOPE", Ecs, "a task role allowed every resource",
            p => p.Resource("task-role-policy", r => r.Set("policy.Statement[0].Resource", "*")));
        yield return ("TK-DEPLOY-DATABASE-INGRESS", Ecs, "the VPC CIDR admitted to the database",
            p => p.Resource("db-sg-us-east-1", r => r.Set("ingress[0].cidrBlocks", Expr.Strings(["10.0.0.0/16"]))));
        yield return ("TK-DEPLOY-ORIGIN-BYPASS", EcsCloudflare, "the ALB open to the internet behind Cloudflare",
            p => p.Resource("lb-sg-us-east-1", r => r.Set("ingress[0].cidrBlocks", Expr.Strings(["0.0.0.0/0"]))));
        yield return ("TK-DEPLOY-ORIGIN-BYPASS", K8sCloudflare, "an NLB without source ranges behind Cloudflare",
            p => p.Resource("web-green-eu-west-1-svc", r => r.Set("spec.loadBalancerSourceRanges", null)));
        yield return ("TK-DEPLOY-MONITOR-HOST", EcsCloudflare, "a monitor without Host",
            p => p.Resource("lb-monitor", r => r.Set("header", null)));
        yield return ("TK-DEPLOY-NETWORK-POLICY", K8sCloudflare, "an app-port rule without from",
            p => p.Resource("allow-t00001-us-east-1", r => r.Set("spec.ingress[1].from", null)));
        yield return ("TK-DEPLOY-NETWORK-POLICY", K8sCloudflare, "a database-port rule without to",
            p => p.Resource("allow-us-east-1", r => r.Set("spec.egress[3].to", null)));
        yield return ("TK-DEPLOY-K8S-LOAD-BALANCER", K8sAws, "legacy Classic ELB annotations with a TLS 1.3 policy",
            p => p.Resource("web-blue-us-east-1-svc", r => r.Set("spec.loadBalancerClass", null).Set("metadata.annotations", Expr.Map(
                ("service.beta.kubernetes.io/aws-load-balancer-ssl-cert", "arn:aws:acm:us-east-1:1:certificate/x"),
                ("service.beta.kubernetes.io/aws-load-balancer-ssl-negotiation-policy", "ELBSecurityPolicy-TLS13-1-2-2021-06x"),
                ("service.beta.kubernetes.io/aws-load-balancer-backend-protocol", "http")))));
        yield return ("TK-DEPLOY-HPA-REPLICAS", K8sAws, "replicas under an HPA",
            p => p.Resource("web-blue-us-east-1", r => r.Set("spec.replicas", 2)));
        yield return ("TK-DEPLOY-QUOTA-CAPS-HPA", K8sCloudflare, "a quota of 4 CPUs for HPAs that may run 22 pods",
            p => p.Resource("quota-t00002-eu-west-1", r => r.Set("spec.hard", Expr.Map(("pods", "20"), ("requests.cpu", "4"), ("requests.memory", "8Gi")))));
        yield return ("TK-DEPLOY-NAT-PER-ZONE", Ecs, "two zones behind one NAT gateway",
            p => p.Resource("private-routes-us-east-1-1", r => r.Set("routes[0].natGatewayId", Expr.Ref("nat-us-east-1-0.id"))));
        yield return ("TK-DEPLOY-LOG-GROUPS", Ecs, "a log group kept forever",
            p => p.Resource("main-us-east-1-logs", r => r.Set("retentionInDays", null)));
        yield return ("TK-DEPLOY-LOG-GROUPS", Ecs, "Aurora exporting before its log group exists",
            p => p.Resource("main-us-east-1", r => r with { Options = r.Options with { DependsOn = [] } }));
        yield return ("TK-DEPLOY-SECRET-ROTATION", Ecs, "generated credentials that never rotate",
            p => p.Without("main-credentials-rotation"));
        yield return ("TK-DEPLOY-FORCE-SSL", Ecs, "a parameter group without rds.force_ssl",
            p => p.Resource("aurora-params-us-east-1", r => r.Set("parameters[0]", null)));
        yield return ("TK-DEPLOY-PROVIDER-VERSION", Ecs, "an unpinned provider",
            p => p.Resource("aws-us-east-1", r => r with { Options = r.Options with { Version = null } }));
        yield return ("TK-DEPLOY-PROVIDER-VERSION", Ecs, "a default-provider resource on another version",
            p => p.Resource("main-password", r => r with { Options = r.Options with { Version = "4.0.0" } }));
        yield return ("TK-DEPLOY-TRAILING-DOT", EcsCloudflare, "ACM's dotted name on a Cloudflare record",
            p => p.Resource("cert-validation-record", r => r.Set("name", Expr.Ref("cert-us-east-1.domainValidationOptions[0].resourceRecordName"))));
        yield return ("TK-DEPLOY-UNUSED-ECS", K8sAws, "an ECS cluster beside the Kubernetes one",
            p => p with { Resources = [.. p.Resources, Extra("ecs-us-east-1", "aws:ecs/cluster:Cluster")] });
    }

    public static TheoryData<string, string> BreakCases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var b in Breaks()) data.Add(b.Code, b.What);
            return data;
        }
    }

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(BreakCases))]
    public async Task I_can_see_a_rule_fire_when_the_program_is_broken_on_purpose(string code, string what)
    {
        var broken = Breaks().Single(b => b.Code == code && b.What == what);
        var (context, program) = await Task.Run(() => Define(broken.Combination));
        Assert.Empty(DeployabilityCheck.Check(context, program));

        var findings = DeployabilityCheck.Check(context, broken.Break(program));

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(code, f.Code));
        Assert.All(findings, f => Assert.Equal(Severity.Error, f.Severity));
        var rule = DeployabilityCheck.Rules.Single(r => r.Code == code);
        Assert.All(findings, f => Assert.EndsWith(rule.Reason, f.Message));
    }

    [Fact]
    public void I_can_break_every_rule_on_purpose()
    {
        var broken = Breaks().Select(b => b.Code).ToHashSet();

        Assert.All(DeployabilityCheck.Rules, rule => Assert.Contains(rule.Code, broken));
        Assert.Equal(DeployabilityCheck.Rules.Count, DeployabilityCheck.Rules.Select(r => r.Code).Distinct().Count());
    }

    [Fact]
    public void I_can_look_up_every_rule_in_the_stacks_docs()
    {
        var docs = File.ReadAllText(Toolkit.Testing.RepositoryRoot.Combine("docs", "stacks.md"));

        Assert.All(DeployabilityCheck.Rules, rule => Assert.Contains($"| `{rule.Code}` |", docs));
    }
}
