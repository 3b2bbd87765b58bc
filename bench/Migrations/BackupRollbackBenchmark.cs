using System.Diagnostics;
using System.Globalization;
using Toolkit.Core.Processes;
using Toolkit.Migrations.Applying;
using Toolkit.Migrations.Backups;
using Toolkit.Migrations.Git;
using Toolkit.Migrations.Planning;
using Toolkit.Migrations.RollingBack;
using Toolkit.Transforms.Swaps;

namespace Toolkit.Bench.Migrations;

/// <summary>
/// The git side of a migration on a generated 1,000-file app: the working-tree backup
/// (<c>refs/toolkit/backups/&lt;plan-id&gt;</c>) and the rollback of <c>ai:openai=anthropic</c> (about 50 files),
/// in wall time (median of N) and in processes started (counted by a <c>git</c> shim first on PATH, in a
/// separate pass so the shim's own cost is not timed). The same file builds against the code before and
/// after the move to libgit2, so both sides are measured the same way.
/// </summary>
public sealed class BackupRollbackBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "migrate-rollback";

    /// <inheritdoc />
    public string Description => "Backup and rollback of ai:openai=anthropic on a generated 1,000-file app: wall time (median) and git processes started.";

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args)
    {
        var files = Arg(args, "--files", 1000);
        var runs = Arg(args, "--runs", 5);
        var root = Directory.CreateTempSubdirectory("toolkit-bench-rollback-").FullName;
        try
        {
            var app = Path.Combine(root, "app");
            GeneratedCodebase.Write(app, files, 200);
            await Run(app, "git", "init", "-q");
            await Run(app, "git", "-c", "user.email=b@b", "-c", "user.name=bench", "add", "-A");
            await Run(app, "git", "-c", "user.email=b@b", "-c", "user.name=bench", "commit", "-q", "-m", "generated");
            await Run(app, "dotnet", "restore", "--nologo", "-v", "quiet");
            await File.WriteAllTextAsync(Path.Combine(app, ".gitignore"), "bin/\nobj/\n");
            await Run(app, "git", "-c", "user.email=b@b", "-c", "user.name=bench", "add", ".gitignore");
            await Run(app, "git", "-c", "user.email=b@b", "-c", "user.name=bench", "commit", "-q", "-m", "ignore build output");
            var planner = new MigrationPlanner(SwapCatalog.All);
            var plan = (await planner.PlanAsync(app, ["ai:openai=anthropic"])).Plan;
            var tracked = (await Output(app, "git", "ls-files")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
            Console.WriteLine($"generated app: {tracked} tracked files; plan {plan.Id}: {plan.FileChanges.Count} file changes");

            async Task<TimeSpan> Backup(int i)
            {
                var repository = await GitRepository.OpenAsync(app);
                var watch = Stopwatch.StartNew();
                await WorkingTreeBackup.CreateAsync(repository, $"mp-bench{i:0000}");
                return watch.Elapsed;
            }
            async Task<TimeSpan> ApplyThenRollback()
            {
                var outcome = await new MigrationApplier(planner).ApplyAsync(plan, new ApplyOptions(Validate: false));
                if (!outcome.Applied) throw new InvalidOperationException("apply failed");
                var watch = Stopwatch.StartNew();
                var rollback = await new MigrationRollback(planner).RollbackAsync(plan, new RollbackOptions());
                watch.Stop();
                if (!rollback.Verified) throw new InvalidOperationException("rollback did not verify");
                return watch.Elapsed;
            }

            await Backup(0); // warm-up: JIT, file cache
            await ApplyThenRollback();
            var backups = new List<TimeSpan>();
            var rollbacks = new List<TimeSpan>();
            for (var i = 1; i <= runs; i++) backups.Add(await Backup(i));
            for (var i = 1; i <= runs; i++) rollbacks.Add(await ApplyThenRollback());

            // Processes: a git shim on PATH appends a line per start.
            var shim = Path.Combine(root, "shim");
            Directory.CreateDirectory(shim);
            var count = Path.Combine(root, "git-starts");
            var realGit = ProcessRunner.FindOnPath("git") ?? "/usr/bin/git";
            await File.WriteAllTextAsync(Path.Combine(shim, "git"), $"#!/bin/sh\necho x >> '{count}'\nexec '{realGit}' \"$@\"\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(shim, "git"), (UnixFileMode)0b111_101_101);
            var path = Environment.GetEnvironmentVariable("PATH");
            Environment.SetEnvironmentVariable("PATH", shim + Path.PathSeparator + path);
            int Starts() => File.Exists(count) ? File.ReadAllLines(count).Length : 0;
            await Backup(9999);
            var backupStarts = Starts();
            var outcome = await new MigrationApplier(planner).ApplyAsync(plan, new ApplyOptions(Validate: false));
            var applyStarts = Starts() - backupStarts;
            await new MigrationRollback(planner).RollbackAsync(plan, new RollbackOptions());
            var rollbackStarts = Starts() - backupStarts - applyStarts;
            Environment.SetEnvironmentVariable("PATH", path);

            Console.WriteLine($"| step | median of {runs} | min | max | git processes started |");
            Console.WriteLine("|---|---|---|---|---|");
            Console.WriteLine(Row($"backup of {tracked} files", backups, backupStarts));
            Console.WriteLine(Row($"rollback of {plan.FileChanges.Count} changed files", rollbacks, rollbackStarts));
            Console.WriteLine($"(apply, not timed here, started {applyStarts} git process(es), its backup included)");
            return outcome.Applied ? 0 : 1;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Row(string name, List<TimeSpan> times, int starts)
    {
        var sorted = times.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {sorted[sorted.Count / 2].TotalMilliseconds:0} ms | {sorted[0].TotalMilliseconds:0} ms | {sorted[^1].TotalMilliseconds:0} ms | {starts} |");
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static async Task<string> Output(string directory, string tool, params string[] args)
    {
        var result = await ProcessRunner.RunAsync(ProcessSpec.For(tool).WithArguments(args).WithWorkingDirectory(directory)
            .WithEnvironment("DOTNET_CLI_TELEMETRY_OPTOUT", "1").WithTimeout(TimeSpan.FromMinutes(5)));
        if (!result.Succeeded) throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed: {result.StandardError}{result.StandardOutput}");
        return result.StandardOutput;
    }

    private static Task Run(string directory, string tool, params string[] args) => Output(directory, tool, args);
}
