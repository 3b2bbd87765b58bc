using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;
using Toolkit.Core.Processes;
using Toolkit.Migrations.Planning;
using Toolkit.Transforms.Swaps;

namespace Toolkit.Bench.Migrations;

/// <summary>
/// Plans <c>ai:openai=anthropic</c> over a generated 1,000-file (about 200,000 lines) C# app and compares
/// time and memory with Roslyn parsing the same files alone (read + <c>CSharpSyntaxTree.ParseText</c>), in
/// the same process. Target: planning within 3x of parsing. With <c>--path DIR</c> it measures a real app
/// instead: a copy of DIR (without bin/obj) in its own git repository, restored when its packages restore here.
/// </summary>
public sealed class PlanBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "migrate-plan";

    /// <inheritdoc />
    public string Description => "Plan ai:openai=anthropic over a generated 1,000-file C# app (or --path APP, --swap ID) vs Roslyn parsing the same files (time and memory ratio).";

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args)
    {
        var files = Arg(args, "--files", 1000);
        var lines = Arg(args, "--lines", 200);
        var runs = Arg(args, "--runs", 5);
        var warmups = Arg(args, "--warmups", 5);
        var given = Text(args, "--path");
        var swapId = Text(args, "--swap") ?? "ai:openai=anthropic";
        var root = Directory.CreateTempSubdirectory("toolkit-bench-plan-").FullName;
        try
        {
            var app = Path.Combine(root, "app");
            var total = given is null ? GeneratedCodebase.Write(app, files, lines) : CopyApp(Path.GetFullPath(given), app);
            await Run(app, "git", "init", "-q");
            await Run(app, "git", "-c", "user.email=b@b", "-c", "user.name=bench", "add", "-A");
            await Run(app, "git", "-c", "user.email=b@b", "-c", "user.name=bench", "commit", "-q", "-m", "generated");
            // As after any build: obj/project.assets.json exists. A real app whose packages are not served here
            // plans without it (the swap then restores in a scratch copy or lists the references as unresolved).
            var restored = await TryRun(app, "dotnet", "restore", "--nologo", "-v", "quiet");
            if (given is null && !restored) throw new InvalidOperationException("dotnet restore of the generated app failed");
            Console.WriteLine(given is null
                ? $"generated {files} files, {total} lines in {app}"
                : $"copied {given}: {total} lines of C# in {app} (restore {(restored ? "passed" : "failed: packages not served here")})");

            var sources = Directory.EnumerateFiles(app, "*.cs", SearchOption.AllDirectories).Where(p => !p.Contains("/obj/")).Order(StringComparer.Ordinal).ToList();
            var planner = new MigrationPlanner(SwapCatalog.All);
            PreparedMigration? last = null;

            async Task Parse()
            {
                var trees = new List<Microsoft.CodeAnalysis.SyntaxTree>(sources.Count);
                foreach (var path in sources) trees.Add(CSharpSyntaxTree.ParseText(await File.ReadAllTextAsync(path), path: path));
                GC.KeepAlive(trees);
            }
            // The planner parses and binds on all cores, so parsing on all cores is shown beside the baseline too.
            Task ParseParallel()
            {
                var trees = new Microsoft.CodeAnalysis.SyntaxTree[sources.Count];
                Parallel.For(0, sources.Count, i => trees[i] = CSharpSyntaxTree.ParseText(File.ReadAllText(sources[i]), path: sources[i]));
                GC.KeepAlive(trees);
                return Task.CompletedTask;
            }
            async Task Plan() => last = await planner.PlanAsync(app, [swapId]);
            Task Swap() { GC.KeepAlive(SwapCatalog.Find(swapId).Plan(new SwapContext(app))); return Task.CompletedTask; }

            // Warm-up: the file cache, and the JIT's tiers (on 2 cores the optimised code of the planner's
            // larger code path takes several runs to arrive; measuring before it would flatter parsing).
            // The first plan of the process is timed apart: it restores in a scratch copy when the app has no
            // fresh obj/project.assets.json (the CLI pays this once per run; a failed restore is kept too).
            var first = await Measure(Plan);
            for (var i = 0; i < warmups; i++) { await Parse(); await ParseParallel(); await Plan(); await Swap(); }
            var parse = new List<Measurement>();
            var parallel = new List<Measurement>();
            var plan = new List<Measurement>();
            var swap = new List<Measurement>();
            for (var i = 0; i < runs; i++)
            {
                parse.Add(await Measure(Parse));
                parallel.Add(await Measure(ParseParallel));
                plan.Add(await Measure(Plan));
                swap.Add(await Measure(Swap));
            }
            var p = Median(parse);
            var pp = Median(parallel);
            var q = Median(plan);
            var w = Median(swap);
            Console.WriteLine($"plan: {last!.Plan.FileChanges.Count} file changes, {last.Plan.ManualSteps.Count} manual steps");
            Console.WriteLine("| run | median time | allocated | peak managed heap growth |");
            Console.WriteLine("|---|---|---|---|");
            Console.WriteLine($"| Roslyn parse of {sources.Count} files (baseline) | {p.Time.TotalMilliseconds:0} ms | {p.Allocated / 1048576.0:0} MiB | {p.Peak / 1048576.0:0} MiB |");
            Console.WriteLine($"| Roslyn parse of {sources.Count} files on {Environment.ProcessorCount} cores | {pp.Time.TotalMilliseconds:0} ms | {pp.Allocated / 1048576.0:0} MiB | {pp.Peak / 1048576.0:0} MiB |");
            Console.WriteLine($"| migrate plan {swapId} | {q.Time.TotalMilliseconds:0} ms | {q.Allocated / 1048576.0:0} MiB | {q.Peak / 1048576.0:0} MiB |");
            Console.WriteLine($"| first plan of the process (cold JIT, restore when needed) | {first.Time.TotalMilliseconds:0} ms | {first.Allocated / 1048576.0:0} MiB | {first.Peak / 1048576.0:0} MiB |");
            Console.WriteLine($"| of which the swap alone (transforms: load, resolve references, recipe) | {w.Time.TotalMilliseconds:0} ms | {w.Allocated / 1048576.0:0} MiB | {w.Peak / 1048576.0:0} MiB |");
            var ratio = q.Time.TotalMilliseconds / p.Time.TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio plan/parse: time {ratio:0.00}x, allocated {(double)q.Allocated / p.Allocated:0.00}x, peak {(double)q.Peak / Math.Max(1, p.Peak):0.00}x (target: time within 3x); against the parse on all cores: time {q.Time.TotalMilliseconds / pp.Time.TotalMilliseconds:0.00}x"));
            return ratio <= 3 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private sealed record Measurement(TimeSpan Time, long Allocated, long Peak);

    private static Measurement Median(List<Measurement> list) => list.OrderBy(m => m.Time).ElementAt(list.Count / 2);

    // Time, bytes allocated, and the highest managed heap size seen (sampled every 2 ms) above the starting heap.
    private static async Task<Measurement> Measure(Func<Task> action)
    {
        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        var start = GC.GetTotalMemory(false);
        var allocated = GC.GetTotalAllocatedBytes(true);
        var peak = start;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                try { await Task.Delay(2, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        var watch = Stopwatch.StartNew();
        await action();
        watch.Stop();
        peak = Math.Max(peak, GC.GetTotalMemory(false));
        stop.Cancel();
        await sampler;
        return new Measurement(watch.Elapsed, GC.GetTotalAllocatedBytes(true) - allocated, peak - start);
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    // Copies a real app (no bin, obj or .git) and returns its number of C# lines.
    private static int CopyApp(string source, string target)
    {
        if (!Directory.Exists(source)) throw new DirectoryNotFoundException($"--path {source}: no such directory");
        var lines = 0;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj" or ".git")) continue;
            var to = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
            if (file.EndsWith(".cs", StringComparison.Ordinal)) lines += File.ReadLines(file).Count();
        }
        return lines;
    }

    private static async Task<bool> TryRun(string directory, string tool, params string[] args) =>
        (await ProcessRunner.RunAsync(ProcessSpec.For(tool).WithArguments(args).WithWorkingDirectory(directory)
            .WithEnvironment("DOTNET_CLI_TELEMETRY_OPTOUT", "1").WithTimeout(TimeSpan.FromMinutes(5)))).Succeeded;

    private static async Task Run(string directory, string tool, params string[] args)
    {
        var result = await ProcessRunner.RunAsync(ProcessSpec.For(tool).WithArguments(args).WithWorkingDirectory(directory)
            .WithEnvironment("DOTNET_CLI_TELEMETRY_OPTOUT", "1").WithTimeout(TimeSpan.FromMinutes(5)));
        if (!result.Succeeded) throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed: {result.StandardError}{result.StandardOutput}");
    }
}
