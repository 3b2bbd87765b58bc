using System.Text.RegularExpressions;
using Toolkit.Database.Isolation;
using Toolkit.Stacks.Configuration;
using Toolkit.Tenants.Tests.Fixtures;
using Toolkit.Testing;
using Xunit.Abstractions;

namespace Toolkit.Tenants.Tests.Lifecycle;

/// <summary>
/// A tiered platform on real PostgreSQL: an rls default (pooled tenants in the shared tables) and one tenant
/// moved to a database of its own (<c>tenants[].isolation: db-per-tenant</c>). Every database-side verb takes
/// each tenant's own level: provisioning, onboarding, the attack matrix, the fan-out and backup.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MixedPlatformSpecs(PostgresServer server, ITestOutputHelper output)
{
    [Fact(Timeout = 900_000)]
    public async Task I_can_run_provision_onboard_verify_fan_out_and_backup_on_an_rls_platform_with_one_silo_tenant()
    {
        using var platform = await TestPlatform.CreateAsync(server, IsolationLevel.Rls);
        var (silo, pooled, late) = (platform.Slug("silo"), platform.Slug("pooled"), platform.Slug("late"));
        foreach (var slug in new[] { silo, pooled }) Assert.Equal(0, (await platform.CliAsync("tenants", "onboard", slug, "--name", slug)).ExitCode);
        Assert.Equal(0, (await platform.CliAsync("tenants", "move", silo, "--to", "db-per-tenant")).ExitCode);
        await RoundTripSpecs.ExecAsync(await RoundTripSpecs.ConnectionAsync(platform, silo), "INSERT INTO organizations (name, slug) SELECT 's' || i, 's' || i FROM generate_series(1, 12) i");
        await RoundTripSpecs.ExecAsync(await RoundTripSpecs.ConnectionAsync(platform, pooled), "INSERT INTO organizations (name, slug) SELECT 'p' || i, 'p' || i FROM generate_series(1, 5) i");

        // Onboarding into the mixed platform: the new rls tenant is checked against a neighbour of each level.
        var onboard = await platform.CliAsync("tenants", "onboard", late, "--name", "Late", "--json");
        output.WriteLine(onboard.StandardOutput + onboard.StandardError);
        Assert.True(onboard.ExitCode == 0, onboard.StandardError);
        // (the tenants verbs' JSON writer escapes '+' as \u002B)
        Assert.Matches("\"verify\": \\{[^}]*\"detail\": \"rls(\\+|\\\\u002B)db-per-tenant: [0-9]+ attempts \\([0-9]+ reads, [0-9]+ writes\\), 0 leaks", onboard.StandardOutput);
        Assert.Equal(["db-per-tenant", "rls", "rls"], (await platform.RowsAsync("SELECT isolation FROM toolkit.tenants ORDER BY isolation")));

        // Provisioning the config again takes each tenant at its level (it used to refuse mixed levels).
        var provision = await new TenantProvisioner(platform.Admin).ProvisionAsync(ConfigLoader.Load(platform.ConfigPath));
        Assert.All(provision, p => Assert.True(p.Migration.Successful, p.Migration.Error));
        Assert.Contains(provision, p => p.Id == silo && p.Isolation == IsolationLevel.DbPerTenant);

        // The full matrix, each tenant at its own level: no false leak from the silo tenant's own tables.
        var verify = await platform.CliAsync("tenants", "verify", "--json");
        output.WriteLine(verify.StandardOutput + verify.StandardError);
        Assert.True(verify.ExitCode == 0, verify.StandardOutput + verify.StandardError);
        Assert.Contains("\"leaks\": 0", verify.StandardOutput);
        Assert.Matches("\"isolation\": \"rls(\\+|\\\\u002B)db-per-tenant\"", verify.StandardOutput);
        var recorded = File.ReadAllText(Path.Combine(platform.Directory, ".toolkit", "tenants", "verification.json"));
        Assert.Contains("\"scope\": \"all tenants\"", recorded);
        Assert.Contains($"\"{silo}\"", recorded);

        // A fan-out of a new script reaches the shared rls tables once and the silo tenant's database.
        var scripts = platform.Path("scripts");
        Directory.CreateDirectory(scripts);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "database", "Baseline", "postgresql"), "*.sql"))
            File.Copy(file, Path.Combine(scripts, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(scripts, "0005_notes.sql"), "ALTER TABLE organizations ADD COLUMN note text;\n");
        File.WriteAllText(Path.Combine(scripts, "0005_notes.down.sql"), "ALTER TABLE organizations DROP COLUMN note;\n");
        var fanOut = await ToolkitCli.RunAsync(platform.Directory, null, ["db", "migrate", "--tenants", "--scripts", scripts, "--connection", platform.Admin, "--no-backup", "--json"]);
        output.WriteLine(fanOut.StandardOutput + fanOut.StandardError);
        Assert.True(fanOut.ExitCode == 0, fanOut.StandardOutput + fanOut.StandardError);
        foreach (var slug in new[] { silo, pooled, late })
            Assert.Equal(0, await platform.CountAsync("SELECT count(*) FROM organizations WHERE note IS NOT NULL", await RoundTripSpecs.ConnectionAsync(platform, slug)));

        // Backup of a tenant of each level: its rows only.
        foreach (var (slug, rows) in new[] { (silo, 12), (pooled, 5) })
        {
            var backup = await platform.CliAsync("tenants", "backup", slug, "--out", platform.Path(slug + ".tar"), "--json");
            output.WriteLine(backup.StandardOutput + backup.StandardError);
            Assert.True(backup.ExitCode == 0, backup.StandardError);
            Assert.Equal(rows, Regex.Matches(backup.StandardOutput, "\"name\": \"organizations\",\\s*\"rows\": ([0-9]+)").Select(m => int.Parse(m.Groups[1].Value)).Single());
            Assert.Contains("0005_notes", backup.StandardOutput);
        }
    }
}
