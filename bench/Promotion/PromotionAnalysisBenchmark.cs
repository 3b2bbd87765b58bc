using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Toolkit.Promotion.Actuators;
using Toolkit.Promotion.Actuators.Nginx;
using Toolkit.Promotion.Analysis;
using Toolkit.Promotion.Probes;

namespace Toolkit.Bench.Promotion;

/// <summary>
/// Promotion analysis: (1) probe throughput through the local target (real nginx, 50/50 weights) against
/// the same probes sent straight to an upstream, in this process; (2) the cost of one step's decision
/// (Evaluator over N values + Assessor) against a plain loop over the same N values.
/// </summary>
public sealed class PromotionAnalysisBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "promotion-analysis";

    /// <inheritdoc />
    public string Description => "probe requests/s through nginx vs direct to the upstream; one step's decision vs a plain loop";

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args)
    {
        var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 4000;
        await ProbeThroughputAsync(requests);
        Decision();
        return 0;
    }

    private static async Task ProbeThroughputAsync(int requests)
    {
        await using var blue = new LoopbackResponder();
        await using var green = new LoopbackResponder();
        var prefix = Path.Combine(Path.GetTempPath(), $"toolkit-bench-nginx-{Guid.NewGuid():N}");
        using var client = HttpProbe.CreateClient();
        var nginx = new NginxActuator(new NginxSite(prefix, $"127.0.0.1:{FreePort()}", blue.HostPort, green.HostPort, Environment.UserName == "root"), client);
        try
        {
            await nginx.SetWeightsAsync(new TrafficSplit(50), CancellationToken.None);
            var probe = new HttpProbe(client, TimeSpan.FromSeconds(5));
            Console.WriteLine($"probe throughput: {requests} GETs per run, 4 in flight (AnalysisTemplate.RequestConcurrency), best of 3");
            foreach (var concurrency in new[] { 1, AnalysisTemplate.RequestConcurrency })
            {
                var direct = await BestRateAsync(probe, new Uri($"http://{green.HostPort}/"), requests, concurrency);
                var viaNginx = await BestRateAsync(probe, nginx.Site.ListenUrl, requests, concurrency);
                Console.WriteLine($"  concurrency {concurrency}: direct {direct,8:0} req/s   through nginx {viaNginx,8:0} req/s   ratio nginx/direct {viaNginx / direct:0.00}");
            }
        }
        finally
        {
            await nginx.StopAsync();
            Directory.Delete(prefix, recursive: true);
        }
    }

    private static async Task<double> BestRateAsync(HttpProbe probe, Uri url, int requests, int concurrency)
    {
        await probe.BatchAsync(url, 200, concurrency, CancellationToken.None); // warm up connections and JIT
        var best = 0.0;
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            var samples = await probe.BatchAsync(url, requests, concurrency, CancellationToken.None);
            var rate = requests / clock.Elapsed.TotalSeconds;
            if (samples.Any(s => !s.IsSuccess)) throw new InvalidOperationException($"{url}: {samples.Count(s => !s.IsSuccess)} probes failed");
            best = Math.Max(best, rate);
        }
        return best;
    }

    private static void Decision()
    {
        var metric = new Metric
        {
            Name = "error-rate",
            Source = new MetricSource { Http = new HttpBatchSource("/", 20, 4, HttpStatistic.ErrorRate) },
            Interval = TimeSpan.FromSeconds(1),
            Count = int.MaxValue,
            SuccessCondition = new Condition(Comparison.LessThanOrEqual, 0.02),
            FailureLimit = -1,
        };
        Console.WriteLine("one step's decision: Evaluator over N values + Assessor over the N measurements, vs a plain loop comparing the N values (baseline)");
        var random = new Random(42);
        foreach (var n in new[] { 10, 100, 1_000, 10_000 })
        {
            var values = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 0.04).ToArray();
            var iterations = Math.Max(20, 2_000_000 / n);
            var decision = Time(iterations, () =>
            {
                var measurements = new List<Measurement>(values.Length);
                foreach (var v in values) measurements.Add(new Measurement(Evaluator.Evaluate(v, metric), v));
                return Assessor.Assess(metric, measurements).Failed;
            });
            var baseline = Time(iterations, () =>
            {
                var failed = 0;
                foreach (var v in values) if (!(v <= 0.02)) failed++;
                return failed;
            });
            Console.WriteLine($"  N={n,6}: decision {decision * 1e6,10:0.00} us   baseline {baseline * 1e6,8:0.00} us   ratio {decision / baseline,6:0.0}");
        }
    }

    private static double Time(int iterations, Func<int> work)
    {
        var sink = 0;
        for (var i = 0; i < Math.Min(iterations, 50); i++) sink += work(); // warm up
        var best = double.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++) sink += work();
            best = Math.Min(best, clock.Elapsed.TotalSeconds / iterations);
        }
        GC.KeepAlive(sink);
        return best;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
