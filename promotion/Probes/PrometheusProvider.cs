using System.Globalization;
using System.Text.Json;
using Toolkit.Promotion.Analysis;

namespace Toolkit.Promotion.Probes;

/// <summary>
/// Fetches the result of an instant query from Prometheus' HTTP API (<c>/api/v1/query</c>).
/// A scalar or the first sample of a vector is the value; an empty vector is NaN (no data).
/// </summary>
public sealed class PrometheusProvider(HttpClient client, PrometheusSource source) : IMetricProvider
{
    /// <inheritdoc />
    public async Task<double> FetchAsync(CancellationToken cancellationToken)
    {
        var url = new Uri(source.Address, "api/v1/query?query=" + Uri.EscapeDataString(source.Query));
        using var response = await client.GetAsync(url, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Prometheus at {source.Address} answered {(int)response.StatusCode} to '{source.Query}'.");
        return ParseResponse(body);
    }

    /// <summary>The value of an instant-query response body (pure; throws <see cref="FormatException"/> naming what is wrong).</summary>
    public static double ParseResponse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("status", out var status) || status.GetString() != "success")
            throw new FormatException($"Prometheus query failed: {(root.TryGetProperty("error", out var error) ? error.GetString() : "no status")}.");
        var data = root.GetProperty("data");
        var type = data.GetProperty("resultType").GetString();
        var result = data.GetProperty("result");
        return type switch
        {
            "scalar" => SampleValue(result),
            "vector" => result.GetArrayLength() == 0 ? double.NaN : SampleValue(result[0].GetProperty("value")),
            _ => throw new FormatException($"Prometheus result type '{type}' is not supported; write a query that returns a scalar or a vector."),
        };
    }

    private static double SampleValue(JsonElement pair) =>
        double.Parse(pair[1].GetString() ?? "NaN", NumberStyles.Float, CultureInfo.InvariantCulture);
}
