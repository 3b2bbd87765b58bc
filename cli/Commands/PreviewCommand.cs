using System.CommandLine;
using Spectre.Console;
using Toolkit.Cli.Output;
using Toolkit.Cli.Synthesis;
using Toolkit.Core.Diagnostics;
using Toolkit.Core.Serialization;
using Toolkit.Stacks.Cost;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit preview</c>: the resources a stack would create, by provider and region, with counts.</summary>
public sealed class PreviewCommand : ICommandDefinition
{
    /// <inheritdoc />
    public Command Create()
    {
        var run = new StackSynthesisRun();
        var json = new Option<bool>("--json") { Description = "Print the tree as JSON: ok, providers[] -> regions[] -> types[] with counts, diagnostics; a refusal prints {ok: false, diagnostics, hint}." };
        var command = new Command("preview",
            "Show what a stack would create without writing anything: a tree of resources by provider, region and type,\n" +
            "with counts (validated against the schemas like synth). Nothing is contacted; no Pulumi needed.\n" +
            "Example: toolkit preview --config examples/toolkit.yaml --stack prod");
        run.AddTo(command);
        command.Options.Add(json);
        command.SetAction((ParseResult p, CancellationToken _) =>
        {
            var (config, result) = run.Synthesize(p, p.GetValue(run.Config)!);
            var summary = ProgramSummary.Of(result.Program!);
            if (p.GetValue(json))
                Console.Out.Write(CanonicalJson.Serialize(new PreviewJson(summary.Project, summary.Stack, summary.Total, summary.Providers, DiagnosticJson.From(result.Diagnostics))));
            else if (Terminal.IsInteractive) RenderTree(summary, MonthlyFigure(config, result));
            else Console.Write(PlainText(summary, MonthlyFigure(config, result)));
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    /// <summary>The summary as indented plain text (for pipes and CI).</summary>
    public static string PlainText(ProgramSummary summary, string? cost = null)
    {
        var text = new System.Text.StringBuilder();
        text.Append($"{summary.Project}/{summary.Stack}: {summary.Total} resources{(cost is null ? "" : ", " + cost)}\n");
        foreach (var provider in summary.Providers)
        {
            text.Append($"  {provider.Provider} ({provider.Total})\n");
            foreach (var region in provider.Regions)
            {
                text.Append($"    {region.Region} ({region.Total})\n");
                foreach (var type in region.Types) text.Append($"      {type.Type} x{type.Count}\n");
            }
        }
        return text.ToString();
    }

    /// <summary>"about $X/month at 1,000 users" from the built-in prices, or why there is no figure.</summary>
    private static string MonthlyFigure(Toolkit.Stacks.Configuration.ToolkitConfig config, SynthResult result)
    {
        try
        {
            var estimate = CostEstimator.Estimate(config, result.Program!.StackName, result.Program, users: [1_000]);
            return $"about {CostText.Usd(estimate.FirstMonthlyUsd)}/month at 1,000 users (toolkit cost for the breakdown)";
        }
        catch (Toolkit.Core.Diagnostics.DiagnosticException e)
        {
            return $"no cost estimate ({e.Diagnostics[0].Message.Split(';')[0]})";
        }
    }

    private static void RenderTree(ProgramSummary summary, string cost)
    {
        var tree = new Tree($"[bold]{Markup.Escape(summary.Project)}/{Markup.Escape(summary.Stack)}[/]: {summary.Total} resources, {Markup.Escape(cost)}");
        foreach (var provider in summary.Providers)
        {
            var node = tree.AddNode($"[blue]{Markup.Escape(provider.Provider)}[/] ({provider.Total})");
            foreach (var region in provider.Regions)
            {
                var regionNode = node.AddNode($"[green]{Markup.Escape(region.Region)}[/] ({region.Total})");
                foreach (var type in region.Types) regionNode.AddNode($"{Markup.Escape(type.Type)} [grey]x{type.Count}[/]");
            }
        }
        AnsiConsole.Write(tree);
    }
}

/// <summary>What <c>toolkit preview --json</c> prints on success.</summary>
public sealed record PreviewJson(string Project, string Stack, int Total, IReadOnlyList<ProviderSummary> Providers, IReadOnlyList<DiagnosticJson> Diagnostics)
{
    /// <summary>Always true: the stack synthesized.</summary>
    public bool Ok => true;
}
