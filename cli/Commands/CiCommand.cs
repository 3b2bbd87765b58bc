using System.CommandLine;
using Toolkit.Core.Output;
using Toolkit.Promotion.Ci;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit ci init</c>: write the CI pipeline that tests, migrates and promotes the platform.</summary>
public sealed class CiCommand : ICommandDefinition
{
    /// <inheritdoc />
    public Command Create()
    {
        var provider = new Option<string>("--provider") { Description = "CI system. Only github (GitHub Actions) for now.", Required = true };
        provider.AcceptOnlyFromAmong("github");
        var config = new Option<string>("--config") { Description = "Path of toolkit.yaml relative to the repository root, as the workflow should use it.", DefaultValueFactory = _ => "toolkit.yaml" };
        var stack = new Option<string>("--stack") { Description = "Production stack deploy_production promotes.", DefaultValueFactory = _ => "prod" };
        var staging = new Option<string>("--staging-stack") { Description = "Stack deploy_staging deploys.", DefaultValueFactory = _ => "staging" };
        var root = new Option<string>("--root") { Description = "Repository root to write into.", DefaultValueFactory = _ => "." };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing workflow file." };
        var shards = new Option<int>("--db-shards") { Description = "Migrate the tenants in N parallel matrix jobs (db migrate --tenants --shard K/N, 1 to 256); 1 (default): one migration job.", DefaultValueFactory = _ => 1 };
        shards.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 256) r.AddError($"--db-shards must be from 1 to 256 (GitHub's matrix limit), not {r.GetValueOrDefault<int>()}."); });

        var init = new Command("init",
            $"Write {GitHubWorkflow.RelativePath} with the stages {string.Join(", ", GitHubWorkflow.Stages)};\n" +
            "deploy_production runs 'toolkit promote' (JUnit report and job summary). Refuses to overwrite without --force.\n" +
            "With --db-shards N, database_migration is a matrix of N jobs, each migrating its shard of the tenants.\n" +
            "Example: toolkit ci init --provider github --config infra/toolkit.yaml --stack prod --db-shards 4");
        foreach (var option in new Option[] { provider, config, stack, staging, root, force, shards }) init.Options.Add(option);
        init.SetAction((ParseResult p) =>
        {
            var path = Path.GetFullPath(Path.Combine(p.GetValue(root)!, GitHubWorkflow.RelativePath));
            if (File.Exists(path) && !p.GetValue(force))
            {
                Console.Error.WriteLine($"error: {path} already exists; pass --force to overwrite it. Nothing was written.");
                return ExitCodes.Failed;
            }
            AtomicFile.WriteAllText(path, GitHubWorkflow.Render(p.GetValue(config)!, p.GetValue(stack)!, p.GetValue(staging)!, p.GetValue(shards)));
            Console.Out.WriteLine($"wrote {path} ({GitHubWorkflow.Stages.Count} stages)");
            return ExitCodes.Ok;
        });

        var ci = new Command("ci", "Continuous integration: generate pipelines that run toolkit's verbs in order.");
        ci.Subcommands.Add(init);
        return ci;
    }
}
