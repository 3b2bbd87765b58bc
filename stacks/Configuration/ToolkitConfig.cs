namespace Toolkit.Stacks.Configuration;

/// <summary>
/// The whole of a <c>toolkit.yaml</c>: what the platform is, which technologies it uses, how it is
/// isolated, deployed and kept compliant, its tenants, and per-stack overrides.
/// Immutable; the config loader builds it and records where each value came from.
/// </summary>
public sealed record ToolkitConfig
{
    /// <summary>Schema version of the file (for example <c>1</c>).</summary>
    public required string Version { get; init; }

    /// <summary>Name, slug and description of the platform.</summary>
    public required ProjectMetadata Project { get; init; }

    /// <summary>Chosen technology per category, by option id (category id to option id).</summary>
    public required TechnologyChoices Technologies { get; init; }

    /// <summary>Tenancy model and isolation level.</summary>
    public required ArchitectureConfig Architecture { get; init; }

    /// <summary>Deployment pattern, regions, health checks and blue-green settings.</summary>
    public required DeploymentConfig Deployment { get; init; }

    /// <summary>Frameworks, data residency, encryption and audit settings.</summary>
    public required ComplianceConfig Compliance { get; init; }

    /// <summary>Tenants, in file order.</summary>
    public IReadOnlyList<TenantConfig> Tenants { get; init; } = [];

    /// <summary>Stacks (dev, staging, prod...) with their overrides, in file order.</summary>
    public IReadOnlyList<StackConfig> Stacks { get; init; } = [];

    /// <summary>Warnings and failed controls accepted on purpose, with reason, owner and end date (<c>acknowledgements:</c>).</summary>
    public IReadOnlyList<Acknowledgement> Acknowledgements { get; init; } = [];

    /// <summary>AWS Backup retention, schedule and disaster-recovery copy (<c>backups:</c>; defaults when absent).</summary>
    public BackupConfig Backups { get; init; } = new();

    /// <summary>Alarm thresholds (<c>monitoring:</c>; defaults when absent).</summary>
    public MonitoringConfig Monitoring { get; init; } = new();

    /// <summary>Per-user usage the cost estimate assumes (<c>costAssumptions:</c>; defaults when absent).</summary>
    public CostAssumptions CostAssumptions { get; init; } = new();

    /// <summary>Where each value was read from, by path (<c>deployment.regions[1]</c>); empty for configs built in code.</summary>
    public SourceMap Source { get; init; } = SourceMap.Empty;
}

/// <summary>Project metadata.</summary>
public sealed record ProjectMetadata(string Name, string Slug, string Description);

/// <summary>
/// The chosen option per technology category. Category and option ids come from the catalogue
/// (<c>compute</c>: <c>aws-ecs</c>; <c>edge</c>: <c>cloudflare</c>; ...). Unchosen optional categories are absent.
/// </summary>
public sealed record TechnologyChoices(IReadOnlyDictionary<string, string> ByCategory)
{
    /// <summary>The option chosen for <paramref name="category"/>, or null.</summary>
    public string? this[string category] => ByCategory.TryGetValue(category, out var id) ? id : null;

    /// <summary>Compute platform: <c>aws-ecs</c> or <c>kubernetes</c>.</summary>
    public string Compute => this["compute"] ?? "aws-ecs";

    /// <summary>Edge: <c>cloudflare</c> or <c>aws</c>.</summary>
    public string Edge => this["edge"] ?? "aws";

    /// <summary>Database: <c>aws-aurora</c>, <c>neon</c>, <c>supabase</c>, <c>cockroachdb</c>.</summary>
    public string Database => this["database"] ?? "aws-aurora";

    /// <summary>Object storage: <c>s3</c> or <c>r2</c>.</summary>
    public string Storage => this["storage"] ?? "s3";
}

/// <summary>Single- or multi-tenant.</summary>
public enum TenancyModel
{
    /// <summary>One deployment per customer.</summary>
    SingleTenant,
    /// <summary>Many tenants share the platform.</summary>
    MultiTenant,
}

/// <summary>How tenants' data is kept apart.</summary>
public enum IsolationLevel
{
    /// <summary>Shared tables with <c>tenant_id</c> and row-level security.</summary>
    Rls,
    /// <summary>One schema per tenant in a shared database.</summary>
    SchemaPerTenant,
    /// <summary>One database (and cluster, key) per tenant.</summary>
    DbPerTenant,
}

/// <summary>Tenancy model and, for multi-tenant, the isolation level.</summary>
public sealed record ArchitectureConfig(TenancyModel Tenancy, IsolationLevel? Isolation);

/// <summary>How releases reach users.</summary>
public enum DeploymentPattern
{
    /// <summary>One region.</summary>
    SingleRegion,
    /// <summary>A primary region and replicas, with DNS steering.</summary>
    MultiRegion,
    /// <summary>Blue and green side by side, traffic shifted by weights.</summary>
    BlueGreen,
}

/// <summary>Deployment settings. The first region is the primary.</summary>
public sealed record DeploymentConfig
{
    /// <summary>Deployment pattern.</summary>
    public required DeploymentPattern Pattern { get; init; }

    /// <summary>Cloud regions (AWS region ids), primary first.</summary>
    public required IReadOnlyList<string> Regions { get; init; }

    /// <summary>Apex DNS zone tenants' subdomains live under (for example <c>example.com</c>).</summary>
    public required string Domain { get; init; }

    /// <summary>Health check the load balancers and DNS use.</summary>
    public HealthCheckConfig HealthCheck { get; init; } = new();

    /// <summary>Blue-green settings; used when <see cref="Pattern"/> is <see cref="DeploymentPattern.BlueGreen"/>.</summary>
    public BlueGreenConfig BlueGreen { get; init; } = new();

    /// <summary>Whether the Route 53 hosted zone of <see cref="Domain"/> already exists (looked up) or is created by the stack (aws edge).</summary>
    public HostedZoneMode HostedZone { get; init; } = HostedZoneMode.Existing;

    /// <summary>Existing Kubernetes cluster per region, when compute is <c>kubernetes</c>.</summary>
    public IReadOnlyDictionary<string, KubernetesClusterConfig> Kubernetes { get; init; } = new Dictionary<string, KubernetesClusterConfig>();

    /// <summary>The primary region.</summary>
    public string PrimaryRegion => Regions[0];
}

/// <summary>Health check settings.</summary>
public sealed record HealthCheckConfig(
    string Path = "/healthz",
    int IntervalSeconds = 30,
    int TimeoutSeconds = 5,
    int HealthyThreshold = 3,
    int UnhealthyThreshold = 3);

/// <summary>Blue-green promotion settings: traffic steps (percent to green) and rollback triggers.</summary>
public sealed record BlueGreenConfig
{
    /// <summary>Green weights in percent, increasing, ending at 100.</summary>
    public IReadOnlyList<int> Steps { get; init; } = [1, 10, 50, 100];

    /// <summary>How long each step is analysed before the next.</summary>
    public int BakeSeconds { get; init; } = 60;

    /// <summary>How long blue is kept after green reaches 100 %.</summary>
    public int ScaleDownDelaySeconds { get; init; } = 600;

    /// <summary>When analysis fails a step.</summary>
    public RollbackTriggers RollbackTriggers { get; init; } = new();

    /// <summary>Where the <c>local</c> promotion target (nginx on this machine) listens and forwards; null when not used.</summary>
    public LocalTrafficConfig? Local { get; init; }
}

/// <summary>
/// The local promotion target: nginx listens on <see cref="Listen"/> and splits traffic between the
/// blue and green upstreams (each <c>host:port</c>); <see cref="HealthPath"/> is probed on green.
/// </summary>
public sealed record LocalTrafficConfig(string Listen, string Blue, string Green, string HealthPath = "/healthz");

/// <summary>Thresholds that fail a blue-green step.</summary>
public sealed record RollbackTriggers(double MaxErrorRate = 0.02, int MaxP95LatencyMs = 500, int MaxFailedHealthChecks = 3);

/// <summary>Where the Route 53 hosted zone of the domain comes from.</summary>
public enum HostedZoneMode
{
    /// <summary>The zone exists and is delegated; the stack looks it up by name (<c>aws:route53/getZone</c>).</summary>
    Existing,
    /// <summary>The stack creates the zone; its name servers are an output that must be delegated before certificates validate.</summary>
    Create,
}

/// <summary>
/// An existing Kubernetes cluster, named by kubeconfig path and/or context, and the AWS network it runs in: the EKS
/// cluster name (for Pod Identity), its VPC, the private subnets the data tier is placed in and the security group of
/// its nodes/pods (the only one the databases admit). Network values left out become stack config that must be set.
/// </summary>
public sealed record KubernetesClusterConfig(string? Context, string? Kubeconfig, string? ClusterName = null, string? VpcId = null,
    IReadOnlyList<string>? SubnetIds = null, string? NodeSecurityGroupId = null);

/// <summary>Compliance frameworks a platform is held to.</summary>
public enum ComplianceFramework
{
    /// <summary>SOC 2.</summary>
    Soc2,
    /// <summary>HIPAA.</summary>
    Hipaa,
    /// <summary>GDPR.</summary>
    Gdpr,
}

/// <summary>How a failing compliance check is treated.</summary>
public enum Enforcement
{
    /// <summary>Synth fails.</summary>
    Mandatory,
    /// <summary>Synth warns.</summary>
    Advisory,
}

/// <summary>Compliance settings.</summary>
public sealed record ComplianceConfig
{
    /// <summary>Frameworks in force.</summary>
    public IReadOnlyList<ComplianceFramework> Frameworks { get; init; } = [];

    /// <summary>Where data may and may not live.</summary>
    public DataResidencyConfig DataResidency { get; init; } = new([], []);

    /// <summary>Encryption settings.</summary>
    public EncryptionConfig Encryption { get; init; } = new();

    /// <summary>Audit log settings.</summary>
    public AuditLogConfig AuditLog { get; init; } = new();

    /// <summary>Database backup retention in days.</summary>
    public int BackupRetentionDays { get; init; } = 7;

    /// <summary>Enforcement per framework; frameworks not named here are mandatory.</summary>
    public IReadOnlyDictionary<ComplianceFramework, Enforcement> Enforcement { get; init; } = new Dictionary<ComplianceFramework, Enforcement>();
}

/// <summary>Allowed and prohibited regions. An empty allowed list allows every region not prohibited.</summary>
public sealed record DataResidencyConfig(IReadOnlyList<string> AllowedRegions, IReadOnlyList<string> ProhibitedRegions);

/// <summary>Encryption settings.</summary>
public sealed record EncryptionConfig(bool AtRest = true, bool InTransit = true, bool CustomerManagedKeys = true, string MinimumTlsVersion = "1.2");

/// <summary>Audit log settings.</summary>
public sealed record AuditLogConfig(bool Enabled = true, int RetentionDays = 365);

/// <summary>Lifecycle state of a tenant.</summary>
public enum TenantStatus
{
    /// <summary>Serving traffic.</summary>
    Active,
    /// <summary>Provisioned but not serving.</summary>
    Suspended,
    /// <summary>Marked for removal.</summary>
    Deleted,
}

/// <summary>One tenant.</summary>
public sealed record TenantConfig
{
    /// <summary>Stable identifier (DNS-safe).</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>URL-safe slug, used for schema, database and namespace names.</summary>
    public required string Slug { get; init; }

    /// <summary>Subdomain under the deployment domain.</summary>
    public required string Subdomain { get; init; }

    /// <summary>Optional custom domain the tenant brings.</summary>
    public string? CustomDomain { get; init; }

    /// <summary>Lifecycle state.</summary>
    public TenantStatus Status { get; init; } = TenantStatus.Active;

    /// <summary>Plan id (free, starter, growth, enterprise...).</summary>
    public string Plan { get; init; } = "starter";

    /// <summary>Quotas.</summary>
    public TenantQuotas Quotas { get; init; } = new();

    /// <summary>This tenant's isolation when it differs from <c>architecture.isolation</c> (a silo tenant on a pooled platform); null follows the platform.</summary>
    public IsolationLevel? Isolation { get; init; }
}

/// <summary>Per-tenant quotas.</summary>
public sealed record TenantQuotas(int MaxUsers = 50, int MaxStorageGb = 10, long MaxApiCallsPerMonth = 1_000_000);

/// <summary>A stack (environment) and what it overrides from the top-level settings.</summary>
public sealed record StackConfig
{
    /// <summary>Stack name (dev, staging, prod...).</summary>
    public required string Name { get; init; }

    /// <summary>Regions for this stack, replacing <see cref="DeploymentConfig.Regions"/> when set.</summary>
    public IReadOnlyList<string>? Regions { get; init; }

    /// <summary>Service instances per region (ECS desired count or Kubernetes replicas).</summary>
    public int Instances { get; init; } = 2;

    /// <summary>Database instance class (Aurora).</summary>
    public string DatabaseInstanceClass { get; init; } = "db.r6g.large";

    /// <summary>Whether stateful resources get deletion protection.</summary>
    public bool DeletionProtection { get; init; } = true;

    /// <summary>Container image of the application.</summary>
    public string Image { get; init; } = "ghcr.io/example/app:latest";
}
