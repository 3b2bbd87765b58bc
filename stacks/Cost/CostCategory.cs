namespace Toolkit.Stacks.Cost;

/// <summary>What a cost line pays for; the report breaks each scale down by these, in this order.</summary>
public enum CostCategory
{
    /// <summary>Service tasks and instances (Fargate vCPU and memory hours).</summary>
    Compute,
    /// <summary>Database instances, storage and I/O.</summary>
    Database,
    /// <summary>Load balancers, NAT gateways, public addresses, data transfer out.</summary>
    Network,
    /// <summary>Object storage (S3, R2).</summary>
    Storage,
    /// <summary>KMS keys and secrets.</summary>
    Security,
    /// <summary>Logs and audit trails.</summary>
    Observability,
    /// <summary>DNS, health checks, Cloudflare load balancing and custom hostnames.</summary>
    Edge,
    /// <summary>Services the application calls per user: email, AI.</summary>
    Services,
}
