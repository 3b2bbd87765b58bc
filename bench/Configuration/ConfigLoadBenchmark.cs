using System.Diagnostics;
using System.Globalization;
using Toolkit.Stacks.Configuration;
using YamlDotNet.RepresentationModel;

namespace Toolkit.Bench.Configuration;

/// <summary>
/// Loading (parse + schema checks + source map) and validating (rules) a config with 1,000 and 10,000
/// tenants, against a baseline of YamlDotNet parsing the same text into its representation model alone.
/// Also times writing the file (what init and the synth benchmark use to generate configs).
/// </summary>
public sealed class ConfigLoadBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "config-load";

    /// <inheritdoc />
    public string Description => "toolkit.yaml load + validate with 1k and 10k tenants vs bare YamlDotNet parse (ratios)";

    /// <inheritdoc />
    public Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
        Console.WriteLine($"config-load: median of {runs} runs, multi-region blue-green... schema-per-tenant, aws-ecs + cloudflare");
        Console.WriteLine($"CPU milliseconds (process), load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine("tenants | bytes | write ms | yaml-only ms | load ms | validate ms | load/yaml | allocated MB (load)");
        var results = new Dictionary<int, double>();
        foreach (var tenants in new[] { 1_000, 10_000 })
        {
            var config = StarterConfig.Create(new StarterOptions
            {
                Pattern = "multi-region", Isolation = "schema-per-tenant", Compute = "aws-ecs", Edge = "cloudflare", Tenants = tenants,
            });
            var text = "";
            var write = Median(runs, () => text = ConfigWriter.Write(config));
            var yamlOnly = Median(runs, () => new YamlStream().Load(new StringReader(text)));
            ToolkitConfig loaded = null!;
            var before = GC.GetAllocatedBytesForCurrentThread();
            ConfigLoader.Parse(text, "bench.yaml");
            var allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / 1048576.0;
            var load = Median(runs, () => loaded = ConfigLoader.Parse(text, "bench.yaml"));
            var validate = Median(runs, () => ConfigValidator.Validate(loaded));
            results[tenants] = load + validate;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{tenants,7} | {text.Length,9} | {write,8:0.0} | {yamlOnly,12:0.0} | {load,7:0.0} | {validate,11:0.0} | {load / yamlOnly,9:0.00} | {allocated,8:0.0}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"10k/1k ratio (load + validate): {results[10_000] / results[1_000]:0.00} (linear: about 10)"));
        return Task.FromResult(0);
    }

    private static double Median(int runs, Action action)
    {
        action(); // warm-up: JIT and caches out of the figures
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            // CPU time, not wall time: this machine's 2 cores are shared, and waiting for a core is not our cost.
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            action();
            times.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
