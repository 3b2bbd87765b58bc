using Toolkit.Core.Processes;
using System.Diagnostics;
using Toolkit.Database.Tests.Engine;
using Toolkit.Database.Tests.Isolation;
using Toolkit.Database.Baseline;
using Toolkit.Database.FanOut;
using Toolkit.Database.Isolation;
using Toolkit.Stacks.Configuration;
using Toolkit.Testing;
using Xunit.Abstractions;

namespace Toolkit.Database.Tests.FanOut;

[Collection(PostgresCollection.Name)]
public sealed class KilledRunnerSpecs(PostgresServer server, ITestOutputHelper output)
{
    [Fact(Timeout = 180_000)]
    public async Task I_can_kill_the_runner_mid_fan_out_and_a_rerun_brings_every_tenant_to_one_version_applying_nothing_twice()
    {
        var admin = await server.CreateDatabaseAsync("kill" + Guid.NewGuid().ToString("N"));
        var config = Configs.With(IsolationLevel.SchemaPerTenant, Enumerable.Range(1, 12).Select(i => $"k{i:00}").ToArray());
        await new TenantProvisioner(admin).ProvisionAsync(config);
        var tenants = await new TenantRegistry(admin).ListAsync(CancellationToken.None);
        using var dir = new TempDirectory("toolkit-kill");
        foreach (var s in BaselineScripts.For("postgresql").GetScripts())
        {
            dir.Write(Path.Combine("db", s.Name), s.Up);
            dir.Write(Path.Combine("db", s.DownName), s.Down!);
        }
        dir.Write("db/0005_slow_a.sql", "SELECT pg_sleep(0.25);\nCREATE TABLE slow_a (id int);");
        dir.Write("db/0006_slow_b.sql", "SELECT pg_sleep(0.25);\nCREATE TABLE slow_b (id int);");
        var fingerprint = TenantFanOut.Fingerprint(new Toolkit.Database.Scripts.FolderScriptProvider(dir.Combine("db")).GetScripts());
        string[] args = ["db", "migrate", "--tenants", "--parallel", "2", "--no-backup", "--scripts", dir.Combine("db"), "--connection", admin];

        await using (var child = ProcessRunner.Start(ProcessSpec.For("dotnet").WithArguments([ToolkitCli.DllPath, .. args])
            .WithWorkingDirectory(dir.Path).WithEnvironment("CI", "true")))
        {
            var done = 0L;
            for (var i = 0; i < 2400 && done < 2 && !child.HasExited; i++)
            {
                await Task.Delay(50);
                done = await Db.CountAsync(admin, "SELECT count(*) FROM toolkit.script_journal WHERE script_name = '0006_slow_b.sql'");
            }
            Assert.False(child.HasExited, "the runner finished before it could be killed");
            child.Kill();
            await child.WaitAsync();
        }
        // State rows and grants are written in batches: a tenant's journal rows say what it finished.
        var finishedBeforeKill = await Db.CountAsync(admin, "SELECT count(*) FROM toolkit.script_journal WHERE script_name = '0006_slow_b.sql'");
        output.WriteLine($"tenants finished before the kill: {finishedBeforeKill} of {tenants.Count}");
        Assert.InRange(finishedBeforeKill, 2, tenants.Count - 1);

        var rerun = await ToolkitCli.RunAsync(dir.Path, args);
        output.WriteLine(rerun.StandardOutput);

        Assert.Equal(0, rerun.ExitCode);
        foreach (var t in tenants)
            foreach (var script in new[] { "0005_slow_a.sql", "0006_slow_b.sql" })
                Assert.Equal(1, await Db.CountAsync(admin, $"SELECT count(*) FROM toolkit.script_journal WHERE target = '{t.Id}' AND script_name = '{script}' AND direction = 'up'"));
        Assert.Equal(tenants.Count, await Db.CountAsync(admin, $"SELECT count(*) FROM toolkit.tenant_state WHERE fingerprint = '{fingerprint}'"));
    }
}
