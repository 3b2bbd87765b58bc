using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Model;
using Toolkit.Stacks.Platforms;
using Toolkit.Stacks.Schemas;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Stacks.Tests;

/// <summary>What the synthesized resources hold for each concern of the issue (compliance checks read these).</summary>
public sealed class StackContentSpecs
{
    private static PulumiProgram Synth(Combination combination, ComplianceConfig? compliance = null, int tenants = 3, string storage = "s3")
    {
        var result = new StackSynthesizer(SchemaSet.Embedded, []).Synthesize(combination.SampleConfig(tenants, compliance: compliance, storage: storage), "prod");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Program!;
    }

    private static Combination Ecs(DeploymentPattern pattern = DeploymentPattern.SingleRegion, IsolationLevel isolation = IsolationLevel.Rls, string edge = "aws") =>
        new(pattern, isolation, "aws-ecs", edge);

    [Fact]
    public void I_can_see_the_compliance_settings_in_the_resources()
    {
        var compliance = new ComplianceConfig
        {
            Frameworks = [ComplianceFramework.Hipaa],
            AuditLog = new AuditLogConfig(true, 400),
            BackupRetentionDays = 35,
            Encryption = new EncryptionConfig(MinimumTlsVersion: "1.3"),
        };

        var program = Synth(Ecs(edge: "cloudflare"), compliance);

        var cluster = program.OfType("aws:rds/cluster:Cluster").Single();
        Assert.Equal(new IntegerValue(35), cluster["backupRetentionPeriod"]);
        Assert.Equal(new BoolValue(true), cluster["storageEncrypted"]);
        Assert.IsType<Interpolation>(cluster["kmsKeyId"]);
        Assert.All(program.OfType("aws:kms/key:Key"), k => Assert.Equal(new BoolValue(true), k["enableKeyRotation"]));
        Assert.All(program.OfType("aws:cloudwatch/logGroup:LogGroup"), g => Assert.Equal(new IntegerValue(400), g["retentionInDays"]));
        Assert.Single(program.OfType("aws:cloudtrail/trail:Trail"));
        Assert.Equal(new StringValue("ELBSecurityPolicy-TLS13-1-3-2021-06"), program.Resources.Single(r => r.Name == "https-us-east-1")["sslPolicy"]);
        Assert.Equal(new StringValue("1.3"), program.Resources.Single(r => r.Name == "zone-min-tls")["value"]);
    }

    [Fact]
    public void I_can_turn_encryption_and_audit_off_and_see_it_in_the_resources()
    {
        var compliance = new ComplianceConfig
        {
            Encryption = new EncryptionConfig(AtRest: false, CustomerManagedKeys: false),
            AuditLog = new AuditLogConfig(false, 30),
        };

        var program = Synth(Ecs(), compliance);

        Assert.Empty(program.OfType("aws:kms/key:Key"));
        Assert.Empty(program.OfType("aws:cloudtrail/trail:Trail"));
        Assert.Empty(program.OfType("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"));
        Assert.Equal(new BoolValue(false), program.OfType("aws:rds/cluster:Cluster").Single()["storageEncrypted"]);
        Assert.Single(program.OfType("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"));
    }

    [Fact]
    public void I_can_see_one_explicit_provider_per_region_and_an_aurora_global_database()
    {
        var program = Synth(Ecs(DeploymentPattern.MultiRegion));

        Assert.Equal(["aws-us-east-1", "aws-eu-west-1"], program.OfType("pulumi:providers:aws").Select(p => p.Name));
        Assert.All(program.Resources.Where(r => r.Package == "aws" && !r.IsProvider), r => Assert.NotNull(r.Options.Provider));
        var global = program.OfType("aws:rds/globalCluster:GlobalCluster").Single();
        var clusters = program.OfType("aws:rds/cluster:Cluster").ToList();
        Assert.Equal(2, clusters.Count);
        Assert.All(clusters, c => Assert.Equal(global.Output("id"), c["globalClusterIdentifier"]));
        Assert.Null(clusters[1]["masterPassword"]);
        Assert.True(clusters[0].Options.Protect);
        Assert.Equal(2, program.OfType("aws:route53/healthCheck:HealthCheck").Count());
        Assert.Equal(2, program.OfType("aws:route53/record:Record").Count(r => r["latencyRoutingPolicies"] is not null));
    }

    [Fact]
    public void I_can_see_failover_dns_for_blue_green_across_regions()
    {
        var program = Synth(Ecs(DeploymentPattern.BlueGreen));

        var failover = program.OfType("aws:route53/record:Record").Where(r => r["failoverRoutingPolicies"] is not null).ToList();
        Assert.Equal(2, failover.Count);
        Assert.All(failover, r => Assert.NotNull(r["healthCheckId"]));
        Assert.Equal(4, program.OfType("aws:ecs/service:Service").Count());
    }

    [Fact]
    public void I_can_give_each_tenant_its_own_cluster_and_key_with_db_per_tenant()
    {
        var program = Synth(Ecs(isolation: IsolationLevel.DbPerTenant), tenants: 4);

        Assert.Equal(4, program.OfType("aws:rds/cluster:Cluster").Count());
        Assert.Equal(4 + 1 + 1, program.OfType("aws:kms/key:Key").Count()); // tenants', the platform's, the backup copy region's
        Assert.Contains(program.Resources, r => r.Name == "tenant-t00002-us-east-1" && r["kmsKeyId"] is Interpolation i && i.Template == "${kms-t00002-us-east-1.arn}");
        Assert.Equal(new StringValue("db-per-tenant"), program.Output("isolationLevel")!.Value);
    }

    [Theory]
    [InlineData(IsolationLevel.Rls)]
    [InlineData(IsolationLevel.SchemaPerTenant)]
    public void I_can_share_one_cluster_between_tenants(IsolationLevel isolation)
    {
        var program = Synth(Ecs(isolation: isolation), tenants: 5);

        Assert.Single(program.OfType("aws:rds/cluster:Cluster"));
    }

    [Fact]
    public void I_can_run_on_existing_kubernetes_clusters_with_tenant_namespaces()
    {
        var program = Synth(new Combination(DeploymentPattern.MultiRegion, IsolationLevel.DbPerTenant, "kubernetes", "cloudflare"), tenants: 2);

        var providers = program.OfType("pulumi:providers:kubernetes").ToList();
        Assert.Equal(2, providers.Count);
        Assert.Contains(program.Settings, s => s.Key == "kubeContextUsEast1" && s.Value == "acme-us-east-1");
        Assert.All(program.Resources.Where(r => r.Package == "kubernetes" && !r.IsProvider), r => Assert.StartsWith("k8s-", r.Options.Provider));
        Assert.Equal(2 * (1 + 2), program.OfType("kubernetes:core/v1:Namespace").Count());
        var quota = program.Resources.Single(r => r.Name == "quota-t00001-us-east-1");
        var hard = (MapValue)((MapValue)quota["spec"]!)["hard"]!;
        Assert.Equal(new StringValue("20Gi"), hard["requests.storage"]);
        Assert.Equal(2 * 3, program.OfType("kubernetes:networking.k8s.io/v1:NetworkPolicy").Count(r => r.Name.StartsWith("deny-all-")));
        Assert.NotEmpty(program.OfType("kubernetes:autoscaling/v2:HorizontalPodAutoscaler"));
        Assert.Empty(program.OfType("aws:ecs/service:Service"));
    }

    [Fact]
    public void I_can_serve_tenants_and_custom_domains_through_cloudflare()
    {
        var program = Synth(Ecs(edge: "cloudflare"), tenants: 6, storage: "r2");

        var records = program.OfType("cloudflare:index/dnsRecord:DnsRecord").Where(r => r.Name.StartsWith("tenant-")).ToList();
        Assert.Equal(6, records.Count);
        Assert.Equal(2, program.OfType("cloudflare:index/customHostname:CustomHostname").Count());
        Assert.Single(program.OfType("cloudflare:index/loadBalancer:LoadBalancer"));
        Assert.Single(program.OfType("cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor"));
        Assert.Single(program.OfType("cloudflare:index/r2Bucket:R2Bucket"));
        Assert.Contains(program.Config, c => c.Key == "cloudflareApiToken" && c.Secret);
    }

    [Fact]
    public void I_can_read_the_outputs_a_reviewer_needs()
    {
        var program = Synth(Ecs(DeploymentPattern.MultiRegion));

        Assert.Equal(["appEndpoint", "endpoints", "regionDeployments", "isolationLevel", "compliance"], program.Outputs.Select(o => o.Name));
        var deployments = (MapValue)program.Output("regionDeployments")!.Value;
        Assert.Equal(new StringValue("primary"), ((MapValue)deployments["us-east-1"]!)["role"]);
        Assert.Equal(new StringValue("replica"), ((MapValue)deployments["eu-west-1"]!)["role"]);
        var main = Synthesis.ProgramEmitter.MainFile(program);
        Assert.Contains("fn::secret:", main);
        Assert.DoesNotContain("password: ", main.Replace("password: ${", ""));
    }
}
