using Toolkit.Core.Diagnostics;
using Toolkit.Promotion.Engine;
using Toolkit.Promotion.Tests.Support;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Promotion.Tests;

/// <summary>Checking a promotion request against toolkit.yaml, before anything changes.</summary>
public sealed class PlanSpecs
{
    private static readonly LocalTrafficConfig Local = new("127.0.0.1:18080", "127.0.0.1:18081", "127.0.0.1:18082");

    [Fact]
    public void I_can_take_every_default_from_the_deployment_section()
    {
        var plan = PlanBuilder.Build(Configs.BlueGreen(Local), new PromotionRequest { ConfigPath = "/srv/acme/toolkit.yaml", Stack = "prod" });

        Assert.Equal([1, 10, 50, 100], plan.Steps);
        Assert.Equal(TimeSpan.FromSeconds(1), plan.Bake);
        Assert.Equal(TimeSpan.FromMinutes(10), plan.ScaleDownDelay);
        Assert.Equal(new RollbackTriggers(0.02, 500, 3), plan.Thresholds);
        Assert.Equal("local", plan.Target); // local traffic is configured
        Assert.Null(plan.Release);
        Assert.Equal("/srv/acme", plan.ConfigDirectory);
    }

    [Fact]
    public void I_can_override_the_defaults_on_the_command_line()
    {
        var plan = PlanBuilder.Build(Configs.BlueGreen(Local), new PromotionRequest
        {
            ConfigPath = "toolkit.yaml", Stack = "dev", Steps = "5, 25,100", Bake = "1m30s", MaxErrorRate = 0.1, MaxP95Ms = 200,
            MaxFailedHealthChecks = 0, Target = "pulumi", ScaleDownDelay = "0",
        });

        Assert.Equal([5, 25, 100], plan.Steps);
        Assert.Equal(TimeSpan.FromSeconds(90), plan.Bake);
        Assert.Equal(new RollbackTriggers(0.1, 200, 0), plan.Thresholds);
        Assert.Equal("pulumi", plan.Target);
        Assert.Null(plan.Local);
        Assert.Equal(TimeSpan.Zero, plan.ScaleDownDelay);
        var metrics = plan.Analysis.Metrics;
        Assert.Equal(["error-rate", "p95-latency-ms", "failed-health-checks"], metrics.Select(m => m.Name));
        Assert.Equal("result <= 0.1", metrics[0].SuccessCondition!.ToString());
        Assert.Equal("result <= 200", metrics[1].SuccessCondition!.ToString());
        Assert.Equal(0, metrics[2].FailureLimit);
    }

    [Theory]
    [InlineData("10,5,100", "--steps '10,5,100': steps must increase, but 5 follows 10")]
    [InlineData("10,10,100", "steps must increase, but 10 follows 10")]
    [InlineData("1,10,50", "the last step must be 100 (green takes all traffic), not 50")]
    [InlineData("0,50,100", "step 0 is outside 1..100")]
    [InlineData("50,150", "step 150 is outside 1..100")]
    [InlineData("1,ten,100", "'ten' is not a whole percentage")]
    public void I_can_see_why_steps_are_refused(string steps, string expected)
    {
        var error = Refused(new PromotionRequest { ConfigPath = "toolkit.yaml", Stack = "dev", Steps = steps });
        Assert.Contains(error.Diagnostics, d => d.Code == "PROMO003" && d.Message.Contains(expected));
    }

    [Theory]
    [InlineData(1.5, null, null, "--max-error-rate: max error rate 1.5 is out of range")]
    [InlineData(-0.1, null, null, "max error rate -0.1 is out of range")]
    [InlineData(null, 0, null, "--max-p95-ms: max p95 latency 0 ms is out of range")]
    [InlineData(null, null, -1, "--max-failed-health-checks: -1 failed health checks is out of range")]
    public void I_can_see_why_thresholds_are_refused(double? errorRate, int? p95, int? health, string expected)
    {
        var error = Refused(new PromotionRequest { ConfigPath = "toolkit.yaml", Stack = "dev", MaxErrorRate = errorRate, MaxP95Ms = p95, MaxFailedHealthChecks = health });
        Assert.Contains(error.Diagnostics, d => d.Code == "PROMO005" && d.Message.Contains(expected));
    }

    [Theory]
    [InlineData("--bake", "0s")]
    [InlineData("--bake", "soon")]
    [InlineData("--scale-down-delay", "-5m")]
    public void I_can_see_why_durations_are_refused(string option, string value)
    {
        var request = new PromotionRequest { ConfigPath = "toolkit.yaml", Stack = "dev" };
        request = option == "--bake" ? request with { Bake = value } : request with { ScaleDownDelay = value };
        var error = Refused(request);
        Assert.Contains(error.Diagnostics, d => d.Code == "PROMO004" && d.Message.Contains($"{option} '{value}'"));
    }

    [Fact]
    public void I_can_see_an_unknown_stack_named_with_the_stacks_that_exist()
    {
        var error = Refused(new PromotionRequest { ConfigPath = "/srv/toolkit.yaml", Stack = "qa" });
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("PROMO001", diagnostic.Code);
        Assert.Contains("unknown stack 'qa'; toolkit.yaml defines: dev, prod", diagnostic.Message);
        Assert.Equal("/srv/toolkit.yaml", diagnostic.Location?.File);
    }

    [Fact]
    public void I_can_see_a_stack_that_is_not_blue_green_refused()
    {
        var error = Assert.Throws<DiagnosticException>(() => PlanBuilder.Build(
            Configs.BlueGreen(Local, DeploymentPattern.SingleRegion), new PromotionRequest { ConfigPath = "toolkit.yaml", Stack = "prod" }));
        Assert.Contains(error.Diagnostics, d => d.Code == "PROMO002" && d.Message.Contains("stack 'prod' is not blue-green (deployment pattern is SingleRegion)"));
    }

    [Fact]
    public void I_can_see_the_local_target_refused_without_local_traffic_settings()
    {
        var error = Assert.Throws<DiagnosticException>(() => PlanBuilder.Build(
            Configs.BlueGreen(), new PromotionRequest { ConfigPath = "toolkit.yaml", Stack = "prod", Target = "local" }));
        Assert.Contains(error.Diagnostics, d => d.Code == "PROMO008" && d.Message.Contains("--target local needs deployment.blueGreen.local"));
    }

    [Fact]
    public void I_can_see_every_problem_at_once()
    {
        var error = Refused(new PromotionRequest { ConfigPath = "toolkit.yaml", Stack = "qa", Steps = "50,10", MaxErrorRate = 2 });
        Assert.Equal(["PROMO001", "PROMO003", "PROMO005"], error.Diagnostics.Select(d => d.Code).Order());
    }

    [Fact]
    public void I_can_have_the_release_manifest_beside_the_config_picked_up()
    {
        using var dir = new Toolkit.Testing.TempDirectory();
        dir.Write(".toolkit/release.json", """{"oneWay": false, "scripts": [{"name": "V2__add_index.sql", "checksum": "ab", "oneWay": false}, {"name": "V3__drop_legacy.sql", "checksum": "cd", "oneWay": true}]}""");
        var plan = PlanBuilder.Build(Configs.BlueGreen(Local), new PromotionRequest { ConfigPath = dir.Combine("toolkit.yaml"), Stack = "dev" });

        Assert.NotNull(plan.Release);
        Assert.True(plan.Release.OneWay); // one script is one-way even though the flag says false
        Assert.Equal(["V3__drop_legacy.sql"], plan.Release.OneWayScripts);
    }

    [Theory]
    [InlineData("""{"oneWay": "yes"}""", "'oneWay' must be true or false")]
    [InlineData("""{"scripts": [{"checksum": "x"}]}""", "scripts[0] must be an object with a 'name'")]
    [InlineData("""{"oneWay": tru""", "not valid JSON")]
    public void I_can_see_a_bad_release_manifest_named(string json, string expected)
    {
        using var dir = new Toolkit.Testing.TempDirectory();
        var path = dir.Write("release.json", json);
        var error = Refused(new PromotionRequest { ConfigPath = dir.Combine("toolkit.yaml"), Stack = "dev", ReleaseManifest = path });
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Contains(expected, diagnostic.Message);
        Assert.Equal(path, diagnostic.Location?.File);
    }

    [Fact]
    public void I_can_add_a_prometheus_metric_to_every_step()
    {
        var plan = PlanBuilder.Build(Configs.BlueGreen(Local), new PromotionRequest
        {
            ConfigPath = "toolkit.yaml", Stack = "dev", PrometheusUrl = "http://prometheus:9090",
            PrometheusQuery = "sum(rate(http_requests_total{code=~\"5..\"}[1m]))", PrometheusSuccess = "result < 0.05",
        });

        var metric = plan.Analysis.Metrics[^1];
        Assert.Equal("prometheus", metric.Name);
        Assert.Equal(new Uri("http://prometheus:9090/"), metric.Source.Prometheus!.Address);
        Assert.Equal("result < 0.05", metric.SuccessCondition!.ToString());
        Assert.Equal(4, plan.Analysis.Metrics.Count);
    }

    [Theory]
    [InlineData("http://p:9090", "up", null, "needs all of --prometheus-url, --prometheus-query and --prometheus-success")]
    [InlineData("http://p:9090", "up", "up == 1", "--prometheus-success: condition 'up == 1' must start with 'result'")]
    [InlineData("p:9090", "up", "result == 1", "--prometheus-url 'p:9090' is not an http(s) URL")]
    public void I_can_see_why_a_prometheus_metric_is_refused(string url, string query, string? success, string expected)
    {
        var error = Refused(new PromotionRequest { ConfigPath = "toolkit.yaml", Stack = "dev", PrometheusUrl = url, PrometheusQuery = query, PrometheusSuccess = success });
        Assert.Contains(error.Diagnostics, d => d.Code == "PROMO009" && d.Message.Contains(expected));
    }

    private static DiagnosticException Refused(PromotionRequest request) =>
        Assert.Throws<DiagnosticException>(() => PlanBuilder.Build(Configs.BlueGreen(Local), request));

    [Fact]
    public void Each_stack_gets_its_own_local_listen_port()
    {
        var dev = PlanBuilder.Build(Configs.BlueGreen(Local), new PromotionRequest { ConfigPath = "toolkit.yaml", Stack = "dev" });
        var prod = PlanBuilder.Build(Configs.BlueGreen(Local), new PromotionRequest { ConfigPath = "toolkit.yaml", Stack = "prod" });

        Assert.Equal("127.0.0.1:18080", dev.Local!.Listen);
        Assert.Equal("127.0.0.1:18180", prod.Local!.Listen); // the second stack, 100 above
        Assert.Equal(dev.Local.Green, prod.Local.Green);
    }
}
