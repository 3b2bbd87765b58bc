using Toolkit.Cli.Synthesis;
using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Schemas;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Stacks.Tests.Configuration;

/// <summary>
/// Every combination <c>toolkit init</c> accepts writes a file whose every stack validates and synthesizes with no
/// flag: patterns x isolation (with none) x compute x edge, each with every set of frameworks, on the default
/// regions and on US regions (where GDPR's inherent transfer warning must come acknowledged). In process: the same
/// calls the CLI makes, without a process per combination.
/// </summary>
public sealed class StarterSpecs
{
    private static readonly string[][] FrameworkSets =
        [[], ["soc2"], ["hipaa"], ["gdpr"], ["soc2", "hipaa"], ["soc2", "gdpr"], ["hipaa", "gdpr"], ["soc2", "hipaa", "gdpr"]];

    public static TheoryData<string, string, string, string> Combinations()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var pattern in new[] { "single-region", "multi-region", "blue-green" })
        foreach (var isolation in new[] { "rls", "schema-per-tenant", "db-per-tenant", "none" })
        foreach (var compute in new[] { "aws-ecs", "kubernetes" })
        foreach (var edge in new[] { "cloudflare", "aws" })
            data.Add(pattern, isolation, compute, edge);
        return data;
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(Combinations))]
    public async Task Every_starter_validates_and_synthesizes_every_stack_with_no_flag(string pattern, string isolation, string compute, string edge)
    {
        var failures = await Task.Run(() =>
        {
            var found = new List<string>();
            foreach (var frameworks in FrameworkSets)
            foreach (var regions in new[] { Array.Empty<string>(), pattern == "multi-region" ? ["us-east-1", "us-west-2"] : new[] { "us-east-1" } })
            {
                // Without GDPR the default regions are these US ones already.
                if (regions.Length > 0 && !frameworks.Contains("gdpr")) continue;
                var options = new StarterOptions
                {
                    Pattern = pattern, Isolation = isolation, Compute = compute, Edge = edge, Compliance = frameworks, Regions = regions,
                    Tenants = isolation == "none" ? 1 : 3,
                };
                var label = $"--compliance '{string.Join(',', frameworks)}' --regions '{string.Join(',', regions)}'";
                if (isolation == "rls" && frameworks.Contains("hipaa"))
                {
                    // The one combination init refuses, saying why and what to choose instead.
                    var refused = Assert.Throws<DiagnosticException>(() => StarterConfig.Create(options)).Diagnostics.Single();
                    Assert.Equal(ConfigErrorCodes.InvalidInitArgument, refused.Code);
                    Assert.Contains("--isolation schema-per-tenant", refused.Message);
                    continue;
                }
                var config = ConfigLoader.Parse(ConfigWriter.Write(StarterConfig.Create(options)), "toolkit.yaml");
                var report = ConfigValidator.Validate(config);
                found.AddRange(report.Diagnostics.Where(d => d.Blocks(allowWarnings: false)).Select(d => $"{label}: validate: {d}"));
                var synthesizer = new StackSynthesizer(SchemaSet.Embedded, SynthesisPolicies.All);
                foreach (var stack in config.Stacks)
                {
                    var result = synthesizer.Synthesize(config, stack.Name);
                    found.AddRange(result.Diagnostics.Where(d => d.Blocks(allowWarnings: false)).Select(d => $"{label}: synth {stack.Name}: {d}"));
                    if (result.Diagnostics.All(d => !d.Blocks(false)) && result.Files.Count == 0) found.Add($"{label}: synth {stack.Name}: no files");
                }
            }
            return found;
        });

        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct().Take(30)));
    }
}
