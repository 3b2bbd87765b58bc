namespace Toolkit.Stacks.Configuration;

/// <summary>
/// What one user does in a month, for the cost estimate's usage lines (<c>toolkit cost</c>). Every field has a default a
/// platform can override in toolkit.yaml under <c>costAssumptions:</c>; the estimate multiplies them by the user count
/// of each scale (1,000, 10,000, 100,000 unless <c>--users</c> says otherwise).
/// </summary>
public sealed record CostAssumptions
{
    /// <summary>HTTP requests per user per month.</summary>
    public double RequestsPerUser { get; init; } = 2_000;

    /// <summary>GB sent to the internet per user per month (responses, downloads).</summary>
    public double EgressGbPerUser { get; init; } = 0.5;

    /// <summary>GB of object storage (uploads, assets) per user, held all month.</summary>
    public double StorageGbPerUser { get; init; } = 0.2;

    /// <summary>GB of database rows per user.</summary>
    public double DatabaseGbPerUser { get; init; } = 0.02;

    /// <summary>Emails sent per user per month.</summary>
    public double EmailsPerUser { get; init; } = 10;

    /// <summary>AI (LLM) requests per user per month.</summary>
    public double AiRequestsPerUser { get; init; } = 20;

    /// <summary>Input tokens per AI request.</summary>
    public double AiInputTokensPerRequest { get; init; } = 1_000;

    /// <summary>Output tokens per AI request.</summary>
    public double AiOutputTokensPerRequest { get; init; } = 300;

    /// <summary>KB of application log written per request.</summary>
    public double LogKbPerRequest { get; init; } = 1;

    /// <summary>Database storage I/O operations per request (Aurora Standard bills them).</summary>
    public double DatabaseIoPerRequest { get; init; } = 10;

    /// <summary>Object storage reads per request (R2 Class B).</summary>
    public double StorageReadsPerRequest { get; init; } = 0.1;

    /// <summary>Object storage writes per request (R2 Class A).</summary>
    public double StorageWritesPerRequest { get; init; } = 0.01;

    /// <summary>GB per user per month through the NAT gateways (calls the tasks make out: AI, email, third-party APIs).</summary>
    public double NatGbPerUser { get; init; } = 0.02;
}
