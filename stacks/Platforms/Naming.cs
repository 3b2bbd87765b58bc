namespace Toolkit.Stacks.Platforms;

/// <summary>Fixed values the definitions share, so the same number is not spelled twice.</summary>
public static class Naming
{
    /// <summary>Port the application container listens on.</summary>
    public const int AppPort = 8080;

    /// <summary>PostgreSQL port.</summary>
    public const int PostgresPort = 5432;

    /// <summary>Aurora engine.</summary>
    public const string AuroraEngine = "aurora-postgresql";

    /// <summary>Aurora PostgreSQL version.</summary>
    public const string AuroraVersion = "16.4";

    /// <summary>Retention periods CloudWatch Logs accepts, in days.</summary>
    public static IReadOnlyList<int> CloudWatchRetentions { get; } =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    /// <summary>The smallest CloudWatch retention that keeps logs at least <paramref name="days"/> (never less than asked).</summary>
    public static int CloudWatchRetention(int days) => CloudWatchRetentions.FirstOrDefault(r => r >= days, CloudWatchRetentions[^1]);

    /// <summary>ALB TLS policy that enforces <paramref name="minimumTls"/>.</summary>
    public static string AlbSslPolicy(string minimumTls) => minimumTls == "1.3"
        ? "ELBSecurityPolicy-TLS13-1-3-2021-06"
        : "ELBSecurityPolicy-TLS13-1-2-2021-06";

    /// <summary>
    /// TLS policies an NLB TLS listener accepts that enforce <paramref name="minimumTls"/> (Classic ELBs have no TLS 1.3
    /// policy, which is why Services go to the AWS Load Balancer Controller's NLB).
    /// </summary>
    public static string NlbSslPolicy(string minimumTls) => minimumTls == "1.3"
        ? "ELBSecurityPolicy-TLS13-1-3-2021-06"
        : "ELBSecurityPolicy-TLS13-1-2-2021-06";

    /// <summary>Every TLS policy name an NLB TLS listener accepts (the ones the stacks may choose from).</summary>
    public static IReadOnlySet<string> NlbSslPolicies { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "ELBSecurityPolicy-TLS13-1-2-2021-06", "ELBSecurityPolicy-TLS13-1-3-2021-06", "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
        "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06", "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06", "ELBSecurityPolicy-TLS13-1-1-2021-06",
        "ELBSecurityPolicy-TLS13-1-0-2021-06", "ELBSecurityPolicy-FS-1-2-Res-2020-10", "ELBSecurityPolicy-TLS-1-2-2017-01",
        "ELBSecurityPolicy-2016-08",
    };

    /// <summary>Days between automatic rotations of generated database credentials.</summary>
    public const int SecretRotationDays = 30;

    /// <summary>Route53 health checks accept 10 or 30 second intervals.</summary>
    public static int Route53Interval(int seconds) => seconds <= 10 ? 10 : 30;
}
