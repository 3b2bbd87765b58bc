namespace Toolkit.Promotion.Probes;

/// <summary>
/// Fetches one raw value of a metric (an error rate, a latency, a count of failed checks, a query
/// result). Providers only fetch: judging the value is <see cref="Analysis.Evaluator"/>'s job.
/// NaN means "no data"; an exception means the value could not be fetched.
/// </summary>
public interface IMetricProvider
{
    /// <summary>Fetches the current value.</summary>
    Task<double> FetchAsync(CancellationToken cancellationToken);

    /// <summary>
    /// What stands behind the last value, for reports: a few of the requests that failed (or, for a latency, the
    /// slowest), with their status or error and latency. Empty when the provider has nothing to show.
    /// </summary>
    IReadOnlyList<string> LastSamples => [];
}
