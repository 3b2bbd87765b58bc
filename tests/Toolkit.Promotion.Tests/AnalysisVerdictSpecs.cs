using Toolkit.Promotion.Analysis;

namespace Toolkit.Promotion.Tests;

/// <summary>The pure verdicts: a value against conditions (Evaluator), measurements against limits (Assessor).</summary>
public sealed class AnalysisVerdictSpecs
{
    [Theory]
    // value, success, failure, expected
    [InlineData(0.01, "result <= 0.02", null, AnalysisPhase.Successful)]
    [InlineData(0.02, "result <= 0.02", null, AnalysisPhase.Successful)]
    [InlineData(0.03, "result <= 0.02", null, AnalysisPhase.Failed)]
    [InlineData(0.03, null, "result > 0.02", AnalysisPhase.Failed)]
    [InlineData(0.01, null, "result > 0.02", AnalysisPhase.Successful)]
    [InlineData(0.01, "result < 0.02", "result > 0.05", AnalysisPhase.Successful)]
    [InlineData(0.03, "result < 0.02", "result > 0.05", AnalysisPhase.Inconclusive)]
    [InlineData(0.06, "result < 0.02", "result > 0.05", AnalysisPhase.Failed)]
    [InlineData(0.01, "result < 0.02", "result < 0.05", AnalysisPhase.Failed)] // a met failure condition wins
    [InlineData(123.0, null, null, AnalysisPhase.Successful)]
    [InlineData(0.0, "result == 0", null, AnalysisPhase.Successful)]
    [InlineData(2.0, "result == 0", null, AnalysisPhase.Failed)]
    [InlineData(2.0, "result != 0", null, AnalysisPhase.Successful)]
    [InlineData(600.0, "result >= 500", null, AnalysisPhase.Successful)]
    [InlineData(499.0, "result > 500", null, AnalysisPhase.Failed)]
    [InlineData(double.NaN, "result <= 0.02", null, AnalysisPhase.Inconclusive)]
    [InlineData(double.NaN, null, null, AnalysisPhase.Inconclusive)]
    public void I_can_judge_a_value_against_success_and_failure_conditions(double value, string? success, string? failure, AnalysisPhase expected)
    {
        var phase = Evaluator.Evaluate(value, success is null ? null : Condition.Parse(success), failure is null ? null : Condition.Parse(failure));
        Assert.Equal(expected, phase);
    }

    [Fact]
    public void I_can_see_a_value_that_could_not_be_fetched_judged_an_error()
    {
        Assert.Equal(AnalysisPhase.Error, Evaluator.Evaluate(null, Condition.Parse("result < 1"), null));
        Assert.Equal(AnalysisPhase.Error, Evaluator.Evaluate(null, null, null));
    }

    [Theory]
    // measurements as letters (S successful, F failed, I inconclusive, E error), count, failureLimit, inconclusiveLimit, consecutiveErrorLimit, expected
    [InlineData("", 5, 0, 0, 4, AnalysisPhase.Pending)]
    [InlineData("S", 5, 0, 0, 4, AnalysisPhase.Running)]
    [InlineData("SSSSS", 5, 0, 0, 4, AnalysisPhase.Successful)]
    [InlineData("SSSSSS", 5, 0, 0, 4, AnalysisPhase.Successful)]
    [InlineData("SF", 5, 0, 0, 4, AnalysisPhase.Failed)]
    [InlineData("SFS", 5, 1, 0, 4, AnalysisPhase.Running)]
    [InlineData("SFSFS", 5, 1, 0, 4, AnalysisPhase.Failed)]
    [InlineData("SFSSS", 5, 1, 0, 4, AnalysisPhase.Successful)]
    [InlineData("FFFFF", 5, -1, 0, 4, AnalysisPhase.Successful)] // a negative limit is unlimited
    [InlineData("SI", 5, 0, 0, 4, AnalysisPhase.Inconclusive)]
    [InlineData("SIS", 5, 0, 1, 4, AnalysisPhase.Running)]
    [InlineData("EEEE", 5, 0, 0, 4, AnalysisPhase.Running)]
    [InlineData("EEEEE", 5, 0, 0, 4, AnalysisPhase.Error)]
    [InlineData("EEESEE", 9, 0, 0, 2, AnalysisPhase.Running)] // only consecutive errors count
    [InlineData("EESEEE", 9, 0, 0, 2, AnalysisPhase.Error)]
    [InlineData("SSSSF", 5, 0, 0, 4, AnalysisPhase.Failed)] // limits are checked before the count
    [InlineData("FI", 5, 0, 0, 4, AnalysisPhase.Failed)]   // failure outranks inconclusive
    public void I_can_assess_a_metric_from_its_measurements_and_limits(
        string letters, int count, int failureLimit, int inconclusiveLimit, int errorLimit, AnalysisPhase expected)
    {
        var metric = Metric(count) with { FailureLimit = failureLimit, InconclusiveLimit = inconclusiveLimit, ConsecutiveErrorLimit = errorLimit };
        var measurements = letters.Select(c => new Measurement(c switch
        {
            'S' => AnalysisPhase.Successful,
            'F' => AnalysisPhase.Failed,
            'I' => AnalysisPhase.Inconclusive,
            _ => AnalysisPhase.Error,
        }, c == 'E' ? null : 1.0)).ToList();

        var assessment = Assessor.Assess(metric, measurements);

        Assert.Equal(expected, assessment.Phase);
        Assert.Equal(letters.Length, assessment.Measured);
        Assert.Equal(letters.Count(c => c == 'F'), assessment.Failed);
    }

    [Theory]
    [InlineData("S,S,S", AnalysisPhase.Successful)]
    [InlineData("S,R,S", AnalysisPhase.Running)]
    [InlineData("S,I,E", AnalysisPhase.Error)]
    [InlineData("I,S,R", AnalysisPhase.Inconclusive)]
    [InlineData("E,F,I", AnalysisPhase.Failed)]
    [InlineData("P,P", AnalysisPhase.Pending)]
    public void I_can_combine_metric_phases_into_the_analysis_phase(string phases, AnalysisPhase expected)
    {
        var parsed = phases.Split(',').Select(p => p switch
        {
            "S" => AnalysisPhase.Successful, "R" => AnalysisPhase.Running, "I" => AnalysisPhase.Inconclusive,
            "E" => AnalysisPhase.Error, "F" => AnalysisPhase.Failed, _ => AnalysisPhase.Pending,
        });
        Assert.Equal(expected, Assessor.Combine(parsed));
    }

    [Theory]
    [InlineData("result <= 0.02", Comparison.LessThanOrEqual, 0.02)]
    [InlineData("result<500", Comparison.LessThan, 500)]
    [InlineData("  result == 0 ", Comparison.Equal, 0)]
    [InlineData("result >= -1.5", Comparison.GreaterThanOrEqual, -1.5)]
    [InlineData("result != 3", Comparison.NotEqual, 3)]
    [InlineData("result > 1e3", Comparison.GreaterThan, 1000)]
    public void I_can_write_conditions_as_text_and_read_them_back(string text, Comparison comparison, double threshold)
    {
        var condition = Condition.Parse(text);
        Assert.Equal(new Condition(comparison, threshold), condition);
        Assert.Equal(condition, Condition.Parse(condition.ToString()));
    }

    [Theory]
    [InlineData("value < 3", "must start with 'result'")]
    [InlineData("result ~ 3", "no comparison")]
    [InlineData("result < three", "'three' is not a number")]
    public void I_can_see_which_part_of_a_bad_condition_is_wrong(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Condition.Parse(text));
        Assert.Contains(expected, error.Message);
    }

    private static Metric Metric(int count) => new()
    {
        Name = "m",
        Source = new MetricSource { HealthCheck = new HealthCheckSource("/healthz") },
        Interval = TimeSpan.FromSeconds(1),
        Count = count,
        SuccessCondition = Condition.Parse("result == 0"),
    };
}
