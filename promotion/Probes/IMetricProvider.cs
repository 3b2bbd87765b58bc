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
}
