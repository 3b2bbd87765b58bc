namespace Toolkit.Promotion.Probes;

/// <summary>Pure reductions of probe samples to one value. Empty input gives NaN ("no data").</summary>
public static class Statistics
{
    /// <summary>Share of samples that are errors (no answer or 5xx), 0..1.</summary>
    public static double ErrorRate(IReadOnlyCollection<ProbeSample> samples) =>
        samples.Count == 0 ? double.NaN : samples.Count(s => s.IsError) / (double)samples.Count;

    /// <summary>The <paramref name="percentile"/> (0..1) of latencies in milliseconds, by nearest rank.</summary>
    public static double LatencyPercentileMs(IReadOnlyCollection<ProbeSample> samples, double percentile)
    {
        if (samples.Count == 0) return double.NaN;
        var sorted = samples.Select(s => s.Latency.TotalMilliseconds).Order().ToArray();
        var rank = (int)Math.Ceiling(percentile * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
