using System.CommandLine;
using Toolkit.Core.Diagnostics;
using Toolkit.Core.Output;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit init</c>: writes a valid, commented starter <c>toolkit.yaml</c>.</summary>
public sealed class InitCommand : ICommandDefinition
{
    /// <inheritdoc />
    public Command Create()
    {
        var pattern = new Option<string>("--pattern") { Description = "Deployment pattern: single-region, multi-region or blue-green.", Required = true };
        var isolation = new Option<string>("--isolation") { Description = "Tenant isolation: rls, schema-per-tenant, db-per-tenant (or none for single-tenant).", Required = true };
        var compute = new Option<string>("--compute") { Description = "Compute: aws-ecs or kubernetes (an existing cluster per region).", Required = true };
        var edge = new Option<string>("--edge") { Description = "Edge, DNS and load balancing: cloudflare or aws.", Required = true };
        var regions = new Option<string?>("--regions") { Description = "Comma-separated AWS region ids, primary first (default: us-east-1, plus us-west-2 for multi-region; EU regions with gdpr)." };
        var tenants = new Option<int?>("--tenants") { Description = "How many tenants to generate (tenant-001, tenant-002...); default 3, or 1 with --isolation none." };
        var compliance = new Option<string?>("--compliance") { Description = "Comma-separated frameworks: soc2, hipaa, gdpr." };
        var name = new Option<string>("--name") { Description = "Project name (its slug is derived).", DefaultValueFactory = _ => "Acme Platform" };
        var output = new Option<string>("--out") { Description = "File to write, for example toolkit.yaml.", Required = true };
        var force = new Option<bool>("--force") { Description = "Overwrite the file if it exists." };
        var command = new Command("init",
            "Write a starter toolkit.yaml that validates cleanly; edit it, then run 'toolkit validate'.\n" +
            "Example: toolkit init --pattern blue-green --isolation schema-per-tenant --compute aws-ecs --edge cloudflare --tenants 5 --out toolkit.yaml\n" +
            "Example: toolkit init --pattern multi-region --isolation rls --compute kubernetes --edge aws --regions us-east-1,eu-west-1 --compliance soc2,gdpr --out toolkit.yaml\n" +
            "Refuses to overwrite an existing file without --force; on any error nothing is written (exit 1).");
        foreach (var option in new Option[] { pattern, isolation, compute, edge, regions, tenants, compliance, name, output, force }) command.Options.Add(option);
        command.SetAction((ParseResult p, CancellationToken _) =>
        {
            var path = p.GetValue(output)!;
            if (Directory.Exists(path))
                throw new DiagnosticException(Diagnostic.Error(ConfigErrorCodes.OutputExists, $"'{path}' is a directory; give a file name such as {Path.Combine(path, "toolkit.yaml")}"));
            if (File.Exists(path) && !p.GetValue(force))
                throw new DiagnosticException(Diagnostic.Error(ConfigErrorCodes.OutputExists, $"'{path}' already exists; pass --force to overwrite it"));
            var config = StarterConfig.Create(new StarterOptions
            {
                Pattern = p.GetValue(pattern)!, Isolation = p.GetValue(isolation)!, Compute = p.GetValue(compute)!, Edge = p.GetValue(edge)!,
                Regions = Split(p.GetValue(regions)), Tenants = p.GetValue(tenants) ?? (p.GetValue(isolation) is "none" or "single-tenant" ? 1 : 3), Compliance = Split(p.GetValue(compliance)),
                ProjectName = p.GetValue(name)!,
            });
            var text = ConfigWriter.Write(config);
            // Prove the file reads back before it exists on disk: a starter that fails its own loader is a bug.
            var report = ConfigValidator.Validate(ConfigLoader.Parse(text, path));
            report.ThrowIfInvalid(allowWarnings: true);
            AtomicFile.WriteAllText(path, text);
            foreach (var finding in report.Diagnostics) Console.Error.WriteLine(finding);
            Console.WriteLine($"wrote {path}: {Words.Of(config.Deployment.Pattern)}, {config.Technologies.Compute} + {config.Technologies.Edge}, " +
                $"{config.Tenants.Count} tenants, stacks {string.Join(", ", config.Stacks.Select(s => s.Name))}");
            Console.WriteLine($"next: toolkit validate --config {path}");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static List<string> Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
