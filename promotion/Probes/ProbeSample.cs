using System.Globalization;

namespace Toolkit.Promotion.Probes;

/// <summary>
/// One probe request: the HTTP status (null when no answer came), how long it took, and for a request that got
/// no answer from green, why (<see cref="Error"/>: refused, reset, timeout, or green unreachable behind nginx).
/// </summary>
public readonly record struct ProbeSample(int? StatusCode, TimeSpan Latency, string? Error = null)
{
    /// <summary>True for no answer (a connection error) or a 5xx answer.</summary>
    public bool IsError => IsConnectionError || StatusCode is not { } code || code >= 500;

    /// <summary>True when green never answered: the connection failed, was cut, or timed out (counted apart from 5xx).</summary>
    public bool IsConnectionError => Error is not null;

    /// <summary>True for a 2xx answer.</summary>
    public bool IsSuccess => !IsConnectionError && StatusCode is >= 200 and < 300;

    /// <summary>What came back, for reports: <c>HTTP 503 in 12 ms</c>, <c>connection error (refused) in 1 ms</c>.</summary>
    public override string ToString()
    {
        var ms = Latency.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        return IsConnectionError ? $"connection error ({Error}) in {ms} ms" : $"HTTP {StatusCode} in {ms} ms";
    }
}
