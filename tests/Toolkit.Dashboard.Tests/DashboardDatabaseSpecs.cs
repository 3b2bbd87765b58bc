using System.Text.Json;
using Toolkit.Database.FanOut;
using Toolkit.Database.Isolation;
using Toolkit.Database.Scripts;
using Toolkit.Stacks.Configuration;
using Toolkit.Tenants.Verification;
using Toolkit.Testing;
using Xunit.Abstractions;

namespace Toolkit.Dashboard.Tests;

/// <summary>
/// The tenants panel with <c>--connection</c>, on real PostgreSQL: the example platform with one tenant moved to a
/// database of its own, provisioned, fanned out and verified; the page (headless Chromium) and /api/tenants show each
/// tenant's place, scripts applied and pending, last fan-out result and last isolation check, and never the password.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DashboardDatabaseSpecs(PostgresServer server, ITestOutputHelper output)
{
    [Fact(Timeout = 900_000)]
    public async Task I_can_see_each_tenants_scripts_last_fan_out_and_isolation_check_in_the_panel_and_its_json_and_no_password()
    {
        using var temp = new TempDirectory();
        var yaml = TenantYamlEditor.Set(File.ReadAllText(RepositoryRoot.Combine("examples", "toolkit.yaml")), "hooli", "isolation", "db-per-tenant");
        var config = temp.Write("toolkit.yaml", yaml);
        var admin = await server.CreateDatabaseAsync("dash" + Guid.NewGuid().ToString("N"));
        var baseline = Directory.GetFiles(RepositoryRoot.Combine("database", "Baseline", "postgresql"), "*.sql");
        var fanned = Scripts(temp, "fanned", baseline, ("0005_notes", "ALTER TABLE organizations ADD COLUMN note text;"));
        var next = Scripts(temp, "next", baseline, ("0005_notes", "ALTER TABLE organizations ADD COLUMN note text;"), ("0006_tags", "ALTER TABLE organizations ADD COLUMN tags text[];"));

        await new TenantProvisioner(admin).ProvisionAsync(ConfigLoader.Load(config));
        var fanOut = await new TenantFanOut(admin, new FolderScriptProvider(fanned)).RunAsync(new FanOutOptions());
        Assert.True(fanOut.Successful, string.Join("; ", fanOut.Tenants.Select(t => t.Error)));
        var report = await new AttackMatrix(admin).RunAsync();
        Assert.Equal(0, report.Leaks);
        new IsolationVerifications(Path.Combine(temp.Path, ".toolkit", "tenants", "verification.json")).Record(report, "all tenants");

        await using var dashboard = await DashboardServer.StartAsync(new DashboardOptions(config, admin, 0) { Scripts = new FolderScriptProvider(next) });
        using var http = new HttpClient();
        var body = await http.GetStringAsync(new Uri(dashboard.Url, "/api/tenants"));
        output.WriteLine(body);
        Assert.DoesNotContain(PostgresServer.SuperuserPassword, body);
        Assert.DoesNotContain("Password", body, StringComparison.OrdinalIgnoreCase);
        using (var json = JsonDocument.Parse(body))
        {
            var root = json.RootElement;
            Assert.Equal("connected", root.GetProperty("database").GetString());
            Assert.Equal("pass", root.GetProperty("verification").GetProperty("status").GetString());
            Assert.Equal(report.Attempts, root.GetProperty("verification").GetProperty("attempts").GetInt32());
            var tenants = root.GetProperty("tenants").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!);
            Assert.Equal(5, tenants.Count);
            foreach (var (id, t) in tenants)
            {
                var db = t.GetProperty("database");
                Assert.Equal(5, db.GetProperty("applied").GetInt32());
                Assert.Equal(["0006_tags.sql"], db.GetProperty("pending").EnumerateArray().Select(p => p.GetString()));
                Assert.Equal("pass", t.GetProperty("verification").GetProperty("status").GetString());
                Assert.Equal(id == "hooli" ? "db-per-tenant" : "schema-per-tenant", t.GetProperty("isolation").GetString());
                Assert.Equal(id == "hooli" ? "database tenant_hooli" : $"schema tenant_{id}", db.GetProperty("place").GetString());
                var run = db.GetProperty("lastFanOut");
                Assert.Equal("applied", run.GetProperty("state").GetString());
                Assert.Equal(["0005_notes.sql"], run.GetProperty("applied").EnumerateArray().Select(p => p.GetString()));
            }
        }

        var dom = await HeadlessChromium.DomAsync(new Uri(dashboard.Url, "/?panel=tenants"), budgetMs: 8000);
        Assert.DoesNotContain(PostgresServer.SuperuserPassword, dom);
        Assert.Contains("data-verification=\"pass\"", dom);
        Assert.Matches("data-tenant=\"hooli\".*?<td class=\"tenant-database\">database tenant_hooli</td><td class=\"tenant-scripts\">5 applied, 1 pending <span class=\"muted\">\\(0006_tags\\.sql\\)</span>", dom);
        Assert.Matches("data-tenant=\"globex\".*?<td class=\"tenant-fanout\"><span class=\"status applied\">applied</span>", dom);
        Assert.Matches("data-tenant=\"initech\".*?<td class=\"tenant-verification\"><span class=\"status pass\">pass</span>", dom);
        // The docs' picture of this panel, only when asked: the DOM above is what the spec checks.
        if (Screenshots.ForDocs)
            await HeadlessChromium.ScreenshotAsync(new Uri(dashboard.Url, "/?panel=tenants"), Screenshots.Path("tenants-database"), height: 460, budgetMs: 8000);

        // The database changes (the next fan-out): the version the open page polls moves, and the panel shows it.
        var before = await http.GetStringAsync(new Uri(dashboard.Url, "/api/version"));
        Assert.True((await new TenantFanOut(admin, new FolderScriptProvider(next)).RunAsync(new FanOutOptions())).Successful);
        Assert.NotEqual(before, await http.GetStringAsync(new Uri(dashboard.Url, "/api/version")));
        var after = await HeadlessChromium.DomAsync(new Uri(dashboard.Url, "/?panel=tenants"), budgetMs: 8000);
        Assert.Matches("data-tenant=\"hooli\".*?<td class=\"tenant-scripts\">6 applied, 0 pending</td>", after);
    }

    private static string Scripts(TempDirectory temp, string name, string[] baseline, params (string Name, string Up)[] extra)
    {
        var dir = Path.Combine(temp.Path, name);
        Directory.CreateDirectory(dir);
        foreach (var file in baseline) File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        foreach (var (script, up) in extra)
        {
            File.WriteAllText(Path.Combine(dir, script + ".sql"), up + "\n");
            File.WriteAllText(Path.Combine(dir, script + ".down.sql"), "SELECT 1;\n");
        }
        return dir;
    }
}
