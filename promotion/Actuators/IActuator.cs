namespace Toolkit.Promotion.Actuators;

/// <summary>
/// Moves traffic between blue and green on one target (nginx here, Pulumi in the cloud) and says where
/// green can be probed. <see cref="EnsureAvailableAsync"/> is called before anything changes, so a missing
/// tool stops a promotion with no weight changed.
/// </summary>
public interface IActuator
{
    /// <summary>Target name as given on the command line (<c>local</c>, <c>pulumi</c>).</summary>
    string Name { get; }

    /// <summary>Checks the tools this target needs are installed.</summary>
    /// <exception cref="MissingToolException">A tool is missing; nothing was changed.</exception>
    Task EnsureAvailableAsync(CancellationToken cancellationToken);

    /// <summary>The green endpoints the analysis probes (base URLs).</summary>
    Task<IReadOnlyList<Uri>> GreenEndpointsAsync(CancellationToken cancellationToken);

    /// <summary>Sends <paramref name="split"/> of the traffic to green and the rest to blue, and returns once it is in effect.</summary>
    Task SetWeightsAsync(TrafficSplit split, CancellationToken cancellationToken);
}

/// <summary>A traffic split: percent to green (0..100), blue gets the rest.</summary>
public sealed record TrafficSplit
{
    /// <summary>Creates a split sending <paramref name="greenPercent"/> percent to green.</summary>
    public TrafficSplit(int greenPercent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(greenPercent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(greenPercent, 100);
        GreenPercent = greenPercent;
    }

    /// <summary>Everything to blue (the rollback split).</summary>
    public static TrafficSplit AllBlue { get; } = new(0);

    /// <summary>Percent of traffic to green.</summary>
    public int GreenPercent { get; }

    /// <summary>Percent of traffic to blue.</summary>
    public int BluePercent => 100 - GreenPercent;

    /// <inheritdoc />
    public override string ToString() => $"green {GreenPercent} % / blue {BluePercent} %";
}

/// <summary>Thrown when a tool a target needs is not installed; the CLI exits 3 with the message.</summary>
public sealed class MissingToolException(string tool, string message) : Exception(message)
{
    /// <summary>The missing executable.</summary>
    public string Tool { get; } = tool;
}
