using System.Globalization;
using Toolkit.Core.Diagnostics;
using Toolkit.Promotion.Analysis;
using Toolkit.Core.Releases;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Promotion.Engine;

/// <summary>
/// Checks a <see cref="PromotionRequest"/> against the loaded toolkit.yaml and resolves defaults from its
/// deployment section. Every problem is collected and thrown at once, before anything is changed.
/// </summary>
public static class PlanBuilder
{
    /// <summary>Port offset between stacks' local load balancers: the first stack listens where the config says, the next 100 above...</summary>
    public const int StackPortStride = 100;

    /// <summary>
    /// The local target of the stack at <paramref name="index"/> in the config's stacks: its own listen port
    /// (configured port + <see cref="StackPortStride"/> x index), so two stacks' nginx never bind the same address.
    /// </summary>
    public static LocalTrafficConfig ForStack(LocalTrafficConfig local, int index)
    {
        if (index <= 0) return local;
        var colon = local.Listen.LastIndexOf(':');
        return colon > 0 && int.TryParse(local.Listen[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port + (StackPortStride * index) <= 65535
            ? local with { Listen = $"{local.Listen[..colon]}:{(port + (StackPortStride * index)).ToString(CultureInfo.InvariantCulture)}" }
            : local;
    }

    /// <summary>Builds the plan or throws <see cref="DiagnosticException"/> naming each bad value.</summary>
    public static PromotionPlan Build(ToolkitConfig config, PromotionRequest request)
    {
        var errors = new List<Diagnostic>();
        var configPath = Path.GetFullPath(request.ConfigPath);
        var blueGreen = config.Deployment.BlueGreen;
        var source = config.Source;
        SourceLocation? At(string path) => source.Find(path) ?? new SourceLocation(configPath, 1, 1);

        if (config.Stacks.All(s => s.Name != request.Stack))
        {
            var known = config.Stacks.Count == 0 ? "none" : string.Join(", ", config.Stacks.Select(s => s.Name));
            errors.Add(Diagnostic.Error("PROMO001", $"unknown stack '{request.Stack}'; {Path.GetFileName(configPath)} defines: {known}.", At("stacks")));
        }
        if (config.Deployment.Pattern != DeploymentPattern.BlueGreen)
            errors.Add(Diagnostic.Error("PROMO002",
                $"stack '{request.Stack}' is not blue-green (deployment pattern is {config.Deployment.Pattern}); only blue-green stacks can be promoted. Set deployment.pattern: blue-green.",
                At("deployment.pattern")));

        var steps = request.Steps is { } typed ? ParseSteps(typed, "--steps", null, errors) : CheckSteps(blueGreen.Steps, "deployment.blueGreen.steps", At("deployment.blueGreen.steps"), errors);
        var bake = Duration(request.Bake, "--bake", TimeSpan.FromSeconds(blueGreen.BakeSeconds), errors, allowZero: false);
        var delay = Duration(request.ScaleDownDelay, "--scale-down-delay", TimeSpan.FromSeconds(blueGreen.ScaleDownDelaySeconds), errors, allowZero: true);

        var triggers = blueGreen.RollbackTriggers;
        var thresholds = new RollbackTriggers(
            request.MaxErrorRate ?? triggers.MaxErrorRate,
            request.MaxP95Ms ?? triggers.MaxP95LatencyMs,
            request.MaxFailedHealthChecks ?? triggers.MaxFailedHealthChecks);
        string From(bool typedHere, string option) => typedHere ? option : "deployment.blueGreen.rollbackTriggers";
        if (thresholds.MaxErrorRate is < 0 or >= 1 || double.IsNaN(thresholds.MaxErrorRate))
            errors.Add(Diagnostic.Error("PROMO005", $"{From(request.MaxErrorRate is not null, "--max-error-rate")}: max error rate {Invariant(thresholds.MaxErrorRate)} is out of range; give a fraction from 0 to below 1 (0.02 = 2 %).", request.MaxErrorRate is null ? At("deployment.blueGreen.rollbackTriggers") : null));
        if (thresholds.MaxP95LatencyMs is <= 0 or > 600_000)
            errors.Add(Diagnostic.Error("PROMO005", $"{From(request.MaxP95Ms is not null, "--max-p95-ms")}: max p95 latency {thresholds.MaxP95LatencyMs} ms is out of range; give 1 to 600000 milliseconds.", request.MaxP95Ms is null ? At("deployment.blueGreen.rollbackTriggers") : null));
        if (thresholds.MaxFailedHealthChecks is < 0 or > 1000)
            errors.Add(Diagnostic.Error("PROMO005", $"{From(request.MaxFailedHealthChecks is not null, "--max-failed-health-checks")}: {thresholds.MaxFailedHealthChecks} failed health checks is out of range; give 0 to 1000.", request.MaxFailedHealthChecks is null ? At("deployment.blueGreen.rollbackTriggers") : null));

        var target = request.Target ?? (blueGreen.Local is null ? "pulumi" : "local");
        if (target is not ("local" or "pulumi"))
            errors.Add(Diagnostic.Error("PROMO006", $"--target '{target}' is not a target; use 'pulumi' (cloud, through Pulumi stack config) or 'local' (nginx on this machine)."));
        if (target == "local" && blueGreen.Local is null)
            errors.Add(Diagnostic.Error("PROMO008", "--target local needs deployment.blueGreen.local (listen, blue, green host:port) in the config.", At("deployment.blueGreen")));
        if (target == "local" && blueGreen.Local is { } local)
            foreach (var (name, value) in new[] { ("listen", local.Listen), ("blue", local.Blue), ("green", local.Green) })
                if (!IsHostPort(value))
                    errors.Add(Diagnostic.Error("PROMO008", $"deployment.blueGreen.local.{name} '{value}' is not host:port.", At($"deployment.blueGreen.local.{name}")));

        var prometheus = Prometheus(request, errors);
        var release = LoadRelease(request.ReleaseManifest, configPath, errors);
        if (errors.Count > 0) throw new DiagnosticException(errors);

        return new PromotionPlan
        {
            ConfigPath = configPath,
            Stack = request.Stack,
            Target = target,
            Steps = steps,
            Bake = bake,
            Thresholds = thresholds,
            ScaleDownDelay = delay,
            HealthPath = blueGreen.Local?.HealthPath ?? config.Deployment.HealthCheck.Path,
            RequestTimeout = TimeSpan.FromSeconds(Math.Max(1, config.Deployment.HealthCheck.TimeoutSeconds)),
            Local = target == "local" && blueGreen.Local is { } l ? ForStack(l, config.Stacks.Select(s => s.Name).ToList().IndexOf(request.Stack)) : null,
            Release = release,
            Prometheus = prometheus,
        };
    }

    /// <summary>Parses and checks a step list such as <c>1,10,50,100</c>; problems go to <paramref name="errors"/>.</summary>
    public static IReadOnlyList<int> ParseSteps(string text, string origin, SourceLocation? location, List<Diagnostic> errors)
    {
        var steps = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part.TrimEnd('%'), NumberStyles.None, CultureInfo.InvariantCulture, out var step))
            {
                errors.Add(Diagnostic.Error("PROMO003", $"{origin} '{text}': '{part}' is not a whole percentage.", location));
                return [];
            }
            steps.Add(step);
        }
        return CheckSteps(steps, $"{origin} '{text}'", location, errors);
    }

    private static IReadOnlyList<int> CheckSteps(IReadOnlyList<int> steps, string origin, SourceLocation? location, List<Diagnostic> errors)
    {
        string? problem = null;
        var outside = steps.Where(s => s is < 1 or > 100).ToList();
        var decrease = Enumerable.Range(1, Math.Max(0, steps.Count - 1)).Where(i => steps[i] <= steps[i - 1]).ToList();
        if (steps.Count == 0) problem = "no steps given";
        else if (outside.Count > 0) problem = $"step {outside[0]} is outside 1..100";
        else if (decrease.Count > 0) problem = $"steps must increase, but {steps[decrease[0]]} follows {steps[decrease[0] - 1]}";
        else if (steps[^1] != 100) problem = $"the last step must be 100 (green takes all traffic), not {steps[^1]}";
        if (problem is null) return steps;
        errors.Add(Diagnostic.Error("PROMO003", $"{origin}: {problem}.", location));
        return [];
    }

    private static TimeSpan Duration(string? typed, string option, TimeSpan fallback, List<Diagnostic> errors, bool allowZero)
    {
        if (typed is null) return fallback;
        if (DurationText.TryParse(typed, out var value) && (value > TimeSpan.Zero || allowZero && value == TimeSpan.Zero) && value <= TimeSpan.FromDays(1))
            return value;
        errors.Add(Diagnostic.Error("PROMO004", $"{option} '{typed}' is not a duration {(allowZero ? "from 0" : "above 0")} up to 24h; write for example 1500ms, 60s, 10m or 1h."));
        return fallback;
    }

    private static (PrometheusSource, Condition)? Prometheus(PromotionRequest request, List<Diagnostic> errors)
    {
        if (request is { PrometheusUrl: null, PrometheusQuery: null, PrometheusSuccess: null }) return null;
        if (request.PrometheusUrl is null || string.IsNullOrWhiteSpace(request.PrometheusQuery) || request.PrometheusSuccess is null)
        {
            errors.Add(Diagnostic.Error("PROMO009", "a Prometheus metric needs all of --prometheus-url, --prometheus-query and --prometheus-success."));
            return null;
        }
        Condition? success = null;
        try
        {
            success = Condition.Parse(request.PrometheusSuccess);
        }
        catch (FormatException e)
        {
            errors.Add(Diagnostic.Error("PROMO009", $"--prometheus-success: {e.Message}"));
        }
        if (!Uri.TryCreate(request.PrometheusUrl.EndsWith('/') ? request.PrometheusUrl : request.PrometheusUrl + "/", UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            errors.Add(Diagnostic.Error("PROMO009", $"--prometheus-url '{request.PrometheusUrl}' is not an http(s) URL (for example http://prometheus:9090)."));
            return null;
        }
        return success is null ? null : (new PrometheusSource(url, request.PrometheusQuery), success);
    }

    private static ReleaseManifest? LoadRelease(string? typed, string configPath, List<Diagnostic> errors)
    {
        var path = typed is null
            ? Toolkit.Core.Layout.ToolkitDirectory.Beside(configPath).ReleaseManifest
            : Path.GetFullPath(typed);
        if (typed is null && !File.Exists(path)) return null;
        try
        {
            return ReleaseManifest.Load(path);
        }
        catch (DiagnosticException e)
        {
            errors.AddRange(e.Diagnostics);
            return null;
        }
    }

    private static bool IsHostPort(string value)
    {
        var colon = value.LastIndexOf(':');
        return colon > 0 && int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536;
    }

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
