using Toolkit.Core.Processes;
using Toolkit.Testing;

namespace Toolkit.Promotion.Tests.Support;

/// <summary>Writes toolkit.yaml for a <see cref="LocalSite"/> and runs the real built <c>toolkit promote</c> against it.</summary>
public static class CliSite
{
    /// <summary>A blue-green toolkit.yaml whose local target is <paramref name="site"/>; <paramref name="pattern"/> can make it something else.</summary>
    public static string Yaml(LocalSite site, string pattern = "blue-green") => $"""
        version: 1
        project:
          name: Acme Notes
          slug: acme-notes
          description: Promotion test platform.
        technologies:
          compute: aws-ecs
          edge: aws
          database: aws-aurora
          storage: s3
        architecture:
          tenancy: multi-tenant
          isolation: rls
        deployment:
          pattern: {pattern}
          regions: [us-east-1]
          domain: acme-notes.test
          blueGreen:
            steps: [1, 10, 50, 100]
            bakeSeconds: 1
            scaleDownDelaySeconds: 600
            rollbackTriggers:
              maxErrorRate: 0.02
              maxP95LatencyMs: 5000   # a loaded build machine can push a healthy loopback p95 past 500 ms
              maxFailedHealthChecks: 3
            local:
              listen: "{site.Listen}"
              blue: "{site.Blue.HostPort}"
              green: "{site.Green.HostPort}"
              healthPath: /healthz
        compliance:
          frameworks: []
        stacks:
          dev:
            instances: 1
          prod:
            instances: 2

        """;

    /// <summary>Writes toolkit.yaml into the site's directory and returns its path.</summary>
    public static string WriteConfig(LocalSite site) => site.Directory.Write("toolkit.yaml", Yaml(site));

    /// <summary>Runs <c>toolkit promote --config toolkit.yaml --stack STACK ARGS</c> in the site's directory.</summary>
    public static Task<ProcessResult> PromoteAsync(LocalSite site, params string[] args) =>
        ToolkitCli.RunAsync(site.Directory.Path, ["promote", "--config", "toolkit.yaml", "--stack", site.Stack, .. args]);
}
