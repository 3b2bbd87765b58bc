using System.CommandLine;
using System.Reflection;
using Toolkit.Cli.Commands;
using Toolkit.Cli.Output;
using Toolkit.Core.Diagnostics;

namespace Toolkit.Cli;

/// <summary>Entry point of the <c>toolkit</c> command.</summary>
public static class Program
{
    /// <summary>Parses <paramref name="args"/> and runs the chosen verb; returns one of <see cref="ExitCodes"/>.</summary>
    public static async Task<int> Main(string[] args)
    {
        var root = BuildRoot();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) Console.Error.WriteLine($"error: {error.Message}");
            Console.Error.WriteLine("Run 'toolkit --help' (or 'toolkit <verb> --help') to see what each verb takes.");
            // A bad command line of a verb that speaks JSON is a refusal document too (exit code unchanged).
            if (args.Contains("--json") && parse.CommandResult.Command.Options.Any(o => o.Name == "--json"))
                Console.Out.Write(new RefusalJson(CommandOutput.VerbPath(parse), parse.Errors.Select(e => DiagnosticJson.From(Diagnostic.Error("usage", e.Message))).ToList(),
                    "Run 'toolkit --help' (or 'toolkit <verb> --help') to see what each verb takes.").ToJson());
            return ExitCodes.Usage;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (DiagnosticException e)
        {
            // One refusal path for every verb: text on stderr, and with --json a refusal document on stdout.
            return CommandOutput.Refuse(parse, e.Diagnostics);
        }
    }

    /// <summary>The root command with every verb in this assembly, sorted by name for stable help output.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "Toolkit: provision multi-tenant SaaS infrastructure as Pulumi YAML, and plan, apply and roll back technology swaps.\n" +
            "Exit codes: 0 ok, 1 failed check or bad input, 2 bad command line, 3 missing tool, 4 stopped for a person.");
        var verbs = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(ICommandDefinition).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => ((ICommandDefinition)Activator.CreateInstance(t)!).Create())
            .OrderBy(c => c.Name, StringComparer.Ordinal);
        foreach (var verb in verbs) root.Subcommands.Add(verb);
        return root;
    }
}
