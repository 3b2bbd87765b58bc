using Toolkit.Core.Processes;
using Toolkit.Promotion.Engine;
using Toolkit.Promotion.Reporting;
using Toolkit.Promotion.Tests.Support;

namespace Toolkit.Promotion.Tests;

/// <summary>
/// Promotion against greens nobody here wrote: the stock <c>python3 -m http.server</c> (HTTP/1.0, no keep-alive)
/// behind real nginx. A healthy one promotes; one that answers 503 rolls back with what the failed requests got in
/// the report; the documented nginx stop command stops the site's nginx.
/// </summary>
public sealed class OrdinaryServerSpecs
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_healthy_http_1_0_green_promotes()
    {
        Assert.True(LocalSite.NginxInstalled && PythonGreen.Installed, "nginx and python3 are needed: apt-get install -y nginx python3");
        using var green = PythonGreen.Healthy();
        await using var site = new LocalSite(UpstreamBehaviour.Healthy, greenHostPort: green.HostPort);
        var traffic = new TrafficRecorder(site);

        // Three runs in a row (the issue saw 3 of 3 healthy python greens rolled back).
        for (var run = 0; run < 3; run++)
        {
            if (run > 0) File.Delete(site.StatePath);
            var report = await InProcess.Engine(site, traffic).RunAsync(InProcess.Plan(site), CancellationToken.None).WaitAsync(Limit);

            Assert.True(report.Outcome == PromotionOutcome.Promoted, report.Message);
            Assert.All(report.StepsAnalysed.SelectMany(s => s.Metrics), m => Assert.Equal(0, m.Errors));
            var errorRate = report.StepsAnalysed.SelectMany(s => s.Metrics).Where(m => m.Name == "error-rate").Select(m => m.WorstValue);
            Assert.All(errorRate, v => Assert.Equal(0, v));
        }
    }

    [Fact]
    public async Task An_unhealthy_green_rolls_back_with_samples_of_what_failed_in_the_report()
    {
        Assert.True(LocalSite.NginxInstalled && PythonGreen.Installed, "nginx and python3 are needed: apt-get install -y nginx python3");
        using var green = PythonGreen.Failing();
        await using var site = new LocalSite(UpstreamBehaviour.Healthy, greenHostPort: green.HostPort);
        var traffic = new TrafficRecorder(site);

        var report = await InProcess.Engine(site, traffic).RunAsync(InProcess.Plan(site), CancellationToken.None).WaitAsync(Limit);

        Assert.Equal(PromotionOutcome.RolledBack, report.Outcome);
        var failed = report.StepsAnalysed.Single(s => s.Step == report.FailedStep).Metrics.Single(m => m.Name == report.FailedMetric);
        Assert.NotEmpty(failed.Samples);
        Assert.Contains(failed.Samples, s => s.StartsWith("HTTP 503 in ", StringComparison.Ordinal) || s.Contains(": HTTP 503 in ", StringComparison.Ordinal));
        Assert.Contains("samples: ", report.Message);
        Assert.Contains("HTTP 503 in ", JsonReport.Write(report));
        Assert.Equal(0, (await site.SendThroughNginxAsync(10)).Green);
    }

    [Fact]
    public async Task A_green_that_is_down_counts_as_connection_errors_not_5xx()
    {
        Assert.True(LocalSite.NginxInstalled, "nginx is needed");
        await using var site = new LocalSite(UpstreamBehaviour.Healthy, greenHostPort: $"127.0.0.1:{FreePort.Next()}");

        var report = await InProcess.Engine(site, new TrafficRecorder(site)).RunAsync(InProcess.Plan(site), CancellationToken.None).WaitAsync(Limit);

        Assert.Equal(PromotionOutcome.RolledBack, report.Outcome);
        var samples = report.StepsAnalysed.SelectMany(s => s.Metrics).SelectMany(m => m.Samples).ToList();
        Assert.Contains(samples, s => s.Contains("0 HTTP 5xx, ", StringComparison.Ordinal) && !s.Contains(", 0 connection errors", StringComparison.Ordinal));
        Assert.Contains(samples, s => s.Contains("connection error (nginx got no response from green: HTTP 502)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_documented_nginx_stop_command_stops_the_sites_nginx()
    {
        Assert.True(LocalSite.NginxInstalled, "nginx is needed");
        await using var site = new LocalSite(UpstreamBehaviour.Healthy);
        await site.Nginx.SetWeightsAsync(Actuators.TrafficSplit.AllBlue, CancellationToken.None);
        Assert.True(site.Nginx.IsRunning());
        var docs = await File.ReadAllTextAsync(Toolkit.Testing.RepositoryRoot.Combine("docs", "promotion.md"));
        Assert.Contains("nginx -p .toolkit/nginx/<stack>/ -c conf/nginx.conf -e logs/error.log -s stop", docs);

        // The documented command, run from the config's directory.
        var nginx = ProcessRunner.FindOnPath("nginx") ?? "/usr/sbin/nginx";
        var stop = await ProcessRunner.RunAsync(ProcessSpec.For(nginx)
            .WithArguments("-p", $".toolkit/nginx/{site.Stack}/", "-c", "conf/nginx.conf", "-e", "logs/error.log", "-s", "stop")
            .WithWorkingDirectory(site.Directory.Path));

        Assert.True(stop.Succeeded, stop.StandardError);
        for (var i = 0; i < 100 && site.Nginx.IsRunning(); i++) await Task.Delay(50);
        Assert.False(site.Nginx.IsRunning());
    }
}
