using Toolkit.Promotion.Probes;

namespace Toolkit.Promotion.Tests;

/// <summary>What probe samples and provider answers reduce to.</summary>
public sealed class ProbeValueSpecs
{
    [Theory]
    // statuses (0 = no answer), expected error rate
    [InlineData("200,200,200,200", 0.0)]
    [InlineData("200,500,200,200,200", 0.2)]
    [InlineData("200,0,503,404", 0.5)] // no answer and 5xx are errors; 4xx is the client's
    [InlineData("", double.NaN)]
    public void I_can_reduce_probe_answers_to_an_error_rate(string statuses, double expected)
    {
        var samples = statuses.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => new ProbeSample(s == "0" ? null : int.Parse(s), TimeSpan.FromMilliseconds(1))).ToList();
        Assert.Equal(expected, Statistics.ErrorRate(samples), 6);
    }

    [Theory]
    [InlineData("10", 10)]
    [InlineData("1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20", 19)]
    [InlineData("5,1,4,2,3", 5)]
    [InlineData("300,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1", 1)] // one slow request in twenty is under p95
    [InlineData("300,300,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1", 300)]
    public void I_can_reduce_probe_latencies_to_a_p95(string millis, double expected)
    {
        var samples = millis.Split(',').Select(m => new ProbeSample(200, TimeSpan.FromMilliseconds(int.Parse(m)))).ToList();
        Assert.Equal(expected, Statistics.LatencyPercentileMs(samples, 0.95));
    }

    [Theory]
    [InlineData("""{"status":"success","data":{"resultType":"scalar","result":[1700000000.1,"0.015"]}}""", 0.015)]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{"job":"green"},"value":[1700000000,"412.5"]}]}}""", 412.5)]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":[]}}""", double.NaN)]
    public void I_can_read_a_prometheus_instant_query_answer(string json, double expected)
    {
        Assert.Equal(expected, PrometheusProvider.ParseResponse(json));
    }

    [Theory]
    [InlineData("""{"status":"error","errorType":"bad_data","error":"parse error at char 4"}""", "parse error at char 4")]
    [InlineData("""{"status":"success","data":{"resultType":"matrix","result":[]}}""", "'matrix' is not supported")]
    public void I_can_see_why_a_prometheus_answer_gives_no_value(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => PrometheusProvider.ParseResponse(json));
        Assert.Contains(expected, error.Message);
    }
}
