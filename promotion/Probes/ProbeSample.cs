namespace Toolkit.Promotion.Probes;

/// <summary>One probe request: the HTTP status (null when no answer came) and how long it took.</summary>
public readonly record struct ProbeSample(int? StatusCode, TimeSpan Latency)
{
    /// <summary>True for no answer or a 5xx answer.</summary>
    public bool IsError => StatusCode is not { } code || code >= 500;

    /// <summary>True for a 2xx answer.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
