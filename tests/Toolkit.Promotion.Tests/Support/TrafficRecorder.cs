using Toolkit.Promotion.Actuators;
using Toolkit.Promotion.Analysis;
using Toolkit.Promotion.Reporting;

namespace Toolkit.Promotion.Tests.Support;

/// <summary>What reached blue and green through nginx right after a split took effect.</summary>
public sealed record TrafficAtSplit(int? Step, int GreenPercent, int Blue, int Green);

/// <summary>
/// An observer that, each time the weights change, sends a fixed number of user requests through nginx
/// and records how many each upstream received: the evidence that the weights really changed.
/// </summary>
public sealed class TrafficRecorder(LocalSite site, int requestsPerSplit = 100) : IPromotionObserver
{
    /// <summary>One entry per split, in order.</summary>
    public List<TrafficAtSplit> Splits { get; } = [];

    /// <summary>Step verdicts, in order.</summary>
    public List<StepReport> Steps { get; } = [];

    /// <inheritdoc />
    public void Started(string stack, string target, IReadOnlyList<int> steps, int fromStep, bool resumed) { }

    /// <inheritdoc />
    public void WeightsSet(int? step, TrafficSplit split)
    {
        var (blue, green) = site.SendThroughNginxAsync(requestsPerSplit).GetAwaiter().GetResult();
        Splits.Add(new TrafficAtSplit(step, split.GreenPercent, blue, green));
    }

    /// <inheritdoc />
    public void Measured(int step, MeasurementTaken measurement) { }

    /// <inheritdoc />
    public void StepFinished(int step, StepReport report) => Steps.Add(report);

    /// <inheritdoc />
    public void Finished(PromotionReport report) { }
}
