namespace Toolkit.Dashboard;

/// <summary>What the dashboard shows and where it listens: always 127.0.0.1; port 0 picks a free one (tests).</summary>
public sealed record DashboardOptions(string ConfigPath, string? Connection = null, int Port = 3001)
{
    /// <summary>Seconds between health polls (never below 5).</summary>
    public int HealthIntervalSeconds { get; init; } = 5;

    /// <summary>The platform's journaled scripts, to tell each tenant's applied from pending ones (the shipped baseline unless given).</summary>
    public Database.Scripts.IScriptProvider? Scripts { get; init; }
}
