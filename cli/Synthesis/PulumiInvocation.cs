using System.CommandLine;
using Toolkit.Core.Processes;

namespace Toolkit.Cli.Synthesis;

/// <summary>
/// up and destroy: synthesize into a directory, then hand it to the real <c>pulumi</c> CLI. When <c>pulumi</c>
/// is not on PATH, say how to install it and where the program is, and exit 3 (never pretend to deploy).
/// </summary>
public static class PulumiInvocation
{
    /// <summary>Builds the verb <paramref name="name"/> running <c>pulumi <paramref name="pulumiVerb"/></c>.</summary>
    public static Command Create(string name, string pulumiVerb, string description)
    {
        var run = new StackSynthesisRun();
        var output = new Option<string?>("--out") { Description = "Where to synthesize the program (default: .toolkit/stacks/STACK beside the config)." };
        var yes = new Option<bool>("--yes") { Description = $"Pass --yes to `pulumi {pulumiVerb}` (no interactive confirmation)." };
        var command = new Command(name, description);
        run.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(yes);
        command.SetAction(async (ParseResult p, CancellationToken ct) =>
        {
            var result = run.Synthesize(p);
            var stack = result.Program!.StackName;
            var directory = Path.GetFullPath(p.GetValue(output) ?? Toolkit.Core.Layout.ToolkitDirectory.Beside(p.GetValue(run.Config)!).Stack(stack));
            StackSynthesisRun.Write(result, directory);
            Console.WriteLine($"Synthesized stack '{stack}' ({result.Program.Resources.Count} resources) into {directory}");

            if (ProcessRunner.FindOnPath("pulumi") is null)
            {
                Console.Error.WriteLine(
                    $"error: the Pulumi CLI ('pulumi') is not on PATH, so `toolkit {name}` cannot run it.\n" +
                    "  Install it: curl -fsSL https://get.pulumi.com | sh   (or see https://www.pulumi.com/docs/install/)\n" +
                    $"  Then run it yourself: cd {directory} && pulumi stack select {stack} --create && pulumi {pulumiVerb} --stack {stack}");
                return ExitCodes.MissingTool;
            }

            var select = await ProcessRunner.RunAsync(ProcessSpec.For("pulumi").WithArguments("stack", "select", stack, "--create", "--non-interactive")
                .WithWorkingDirectory(directory), ct);
            if (!select.Succeeded)
            {
                Console.Error.Write(select.StandardError);
                return ExitCodes.Failed;
            }
            string[] args = p.GetValue(yes) ? [pulumiVerb, "--stack", stack, "--yes", "--non-interactive"] : [pulumiVerb, "--stack", stack];
            // Streamed line by line while it runs (an update can take many minutes); Ctrl+C interrupts pulumi first so it can stop cleanly.
            var pulumi = await ProcessRunner.RunAsync(ProcessSpec.For("pulumi").WithArguments(args).WithWorkingDirectory(directory)
                .WithOutputLines(Console.Out.WriteLine, Console.Error.WriteLine).WithGracePeriod(TimeSpan.FromSeconds(30)), ct);
            return pulumi.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
