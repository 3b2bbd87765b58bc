using Toolkit.Promotion.Actuators;
using Toolkit.Promotion.Analysis;

namespace Toolkit.Promotion.Reporting;

/// <summary>
/// Sees a promotion as it happens (live display, CI lines, tests counting traffic). Called from the
/// engine's flow; <see cref="Measured"/> may come from several threads at once.
/// </summary>
public interface IPromotionObserver
{
    /// <summary>The run starts at 0-based <paramref name="fromStep"/> (above 0 when resuming).</summary>
    void Started(string stack, string target, IReadOnlyList<int> steps, int fromStep, bool resumed);

    /// <summary>A split is in effect: step <paramref name="step"/> (0-based), or the rollback/abort split when null.</summary>
    void WeightsSet(int? step, TrafficSplit split);

    /// <summary>A measurement was taken during step <paramref name="step"/>.</summary>
    void Measured(int step, MeasurementTaken measurement);

    /// <summary>Step <paramref name="step"/>'s analysis is decided.</summary>
    void StepFinished(int step, StepReport report);

    /// <summary>The run ended.</summary>
    void Finished(PromotionReport report);
}

/// <summary>Sends every event to several observers in order.</summary>
public sealed class CompositeObserver(params IPromotionObserver[] observers) : IPromotionObserver
{
    /// <inheritdoc />
    public void Started(string stack, string target, IReadOnlyList<int> steps, int fromStep, bool resumed)
    { foreach (var o in observers) o.Started(stack, target, steps, fromStep, resumed); }

    /// <inheritdoc />
    public void WeightsSet(int? step, TrafficSplit split) { foreach (var o in observers) o.WeightsSet(step, split); }

    /// <inheritdoc />
    public void Measured(int step, MeasurementTaken measurement) { foreach (var o in observers) o.Measured(step, measurement); }

    /// <inheritdoc />
    public void StepFinished(int step, StepReport report) { foreach (var o in observers) o.StepFinished(step, report); }

    /// <inheritdoc />
    public void Finished(PromotionReport report) { foreach (var o in observers) o.Finished(report); }
}
