using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Toolkit.Testing;

namespace Toolkit.Dashboard.Tests;

/// <summary>The dashboard started for real on loopback and looked at with headless Chromium, on the example platform.</summary>
public sealed class DashboardSpecs
{
    private static string CopyExample(TempDirectory temp) =>
        temp.Write("toolkit.yaml", File.ReadAllText(RepositoryRoot.Combine("examples", "toolkit.yaml")));

    [Fact(Timeout = 600_000)]
    public async Task Panels_render_the_example_platform_and_a_suspension_shows_after_a_refresh()
    {
        using var temp = new TempDirectory();
        var config = CopyExample(temp);
        await using var server = await DashboardServer.StartAsync(new DashboardOptions(config, Port: 0));

        var dom = await HeadlessChromium.DomAsync(server.Url, budgetMs: 8000);
        Assert.Contains("data-loaded=\"true\"", dom);
        // Tenants: every tenant of toolkit.yaml with its status, plan and subdomain.
        Assert.Contains("data-tenant=\"globex\"", dom);
        Assert.Contains("vandelay-industries.acme-notes.com", dom);
        Assert.Contains("enterprise", dom);
        Assert.Matches("data-tenant=\"initech\".*?<span class=\"status active\">active</span>", dom);
        // Stacks: the tree, the pattern, the weights and the monthly cost.
        Assert.Contains("data-stack=\"prod\"", dom);
        Assert.Contains("blue-green", dom);
        Assert.Contains("aws:rds/clusterInstance:ClusterInstance x2", dom);
        Assert.Contains("traffic: blue 100% / green 0%", dom);
        Assert.Matches(@"monthly cost: <strong>\$[\d,]+\.\d\d</strong> at 1,000 users", dom);
        // Compliance: SOC 2's controls with their status.
        Assert.Contains("SOC 2", dom);
        Assert.Matches("data-control=\"CC6.1\".*?<span class=\"status pass\">pass</span>", dom);

        var before = await new HttpClient().GetStringAsync(new Uri(server.Url, "/api/version"));
        var yaml = File.ReadAllText(config);
        File.WriteAllText(config, yaml.Replace("    subdomain: initech\n    status: active", "    subdomain: initech\n    status: suspended"));
        var after = await new HttpClient().GetStringAsync(new Uri(server.Url, "/api/version"));
        Assert.NotEqual(before, after); // what the open page polls: it re-renders without a reload

        var refreshed = await HeadlessChromium.DomAsync(server.Url, budgetMs: 8000);
        Assert.Matches("data-tenant=\"initech\".*?<span class=\"status suspended\">suspended</span>", refreshed);
        Assert.Matches("data-tenant=\"globex\".*?<span class=\"status active\">active</span>", refreshed);
    }

    [Fact(Timeout = 600_000)]
    public async Task The_test_run_makes_the_screenshots_of_each_panel_for_the_docs_when_asked()
    {
        using var temp = new TempDirectory();
        var config = CopyExample(temp);
        await using var server = await DashboardServer.StartAsync(new DashboardOptions(config, Port: 0));
        // Into docs/dashboard/ only with TOOLKIT_SCREENSHOTS=1; a plain run writes them under bin/ and dirties nothing.
        foreach (var (panel, height) in new[] { ("stacks", 1400), ("tenants", 420), ("compliance", 1200), ("promotions", 320), ("migrations", 240), ("health", 420) })
        {
            var png = Screenshots.Path(panel);
            await HeadlessChromium.ScreenshotAsync(new Uri(server.Url, $"/?panel={panel}"), png, height: height, budgetMs: 8000);
            Assert.True(new FileInfo(png).Length > 5_000, $"{png} looks empty");
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Nothing_listens_beyond_loopback()
    {
        using var temp = new TempDirectory();
        await using var server = await DashboardServer.StartAsync(new DashboardOptions(CopyExample(temp), Port: 0));
        Assert.All(server.Addresses, a => Assert.StartsWith("http://127.0.0.1:", a));
        Assert.Equal(IPAddress.Loopback.ToString(), server.Url.Host);
        var others = NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(u => u.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            .ToList();
        foreach (var address in others)
        {
            using var client = new TcpClient();
            var refused = await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(address, server.Url.Port));
            Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        }
        using var loopback = new TcpClient();
        await loopback.ConnectAsync(IPAddress.Loopback, server.Url.Port);
    }

    [Fact(Timeout = 120_000)]
    public async Task No_api_response_ever_shows_the_connection_password()
    {
        using var temp = new TempDirectory();
        const string password = "Sup3r-Secret-Value";
        var connection = $"Host=127.0.0.1;Port=1;Username=admin;Password={password};Timeout=2";
        await using var server = await DashboardServer.StartAsync(new DashboardOptions(CopyExample(temp), connection, 0));
        using var http = new HttpClient();
        foreach (var api in new[] { "stacks", "tenants", "migrations", "promotions", "compliance", "health", "version" })
        {
            var body = await http.GetStringAsync(new Uri(server.Url, $"/api/{api}"));
            Assert.DoesNotContain(password, body);
            Assert.DoesNotContain("Password=", body, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("cannot read the tenant registry", await http.GetStringAsync(new Uri(server.Url, "/api/tenants")));
        Assert.DoesNotContain(password, await http.GetStringAsync(server.Url));
    }

    [Fact(Timeout = 180_000)]
    public async Task A_port_in_use_or_a_missing_config_is_a_clear_error_and_exit_1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var busy = await ToolkitCli.RunAsync(null, "dashboard", "--config", RepositoryRoot.Combine("examples", "toolkit.yaml"), "--port", port);
        Assert.Equal(1, busy.ExitCode);
        Assert.Contains($"error {DashboardServer.PortInUse}: cannot listen on 127.0.0.1:{port}", busy.StandardError);
        Assert.Contains("--port", busy.StandardError);

        var missing = await ToolkitCli.RunAsync(null, "dashboard", "--config", "/nonexistent/toolkit.yaml", "--port", "39999");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("/nonexistent/toolkit.yaml:1:1: error TK1019: cannot read config '/nonexistent/toolkit.yaml': no such file", missing.StandardError);
    }
}
