using System.CommandLine;
using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Cli.Output;

/// <summary>
/// How a verb reports diagnostics and refusals: text on stderr (<c>FILE:LINE:COL: severity CODE: message</c>),
/// and with <c>--json</c> one document on stdout (<see cref="RefusalJson"/>) with the same exit code.
/// </summary>
public static class CommandOutput
{
    /// <summary>Whether the invoked verb was given <c>--json</c>.</summary>
    public static bool WantsJson(ParseResult parse) =>
        parse.CommandResult.Command.Options.Any(o => o.Name == "--json") && parse.GetValue<bool>("--json");

    /// <summary>Prints <paramref name="diagnostics"/> (every non-info one) on stderr with their suggestions.</summary>
    public static void Print(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            var writer = d.Severity == Severity.Info ? Console.Out : Console.Error;
            writer.WriteLine(d);
            foreach (var suggestion in d.Suggestions) writer.WriteLine($"    suggestion: {suggestion}");
        }
    }

    /// <summary>
    /// Reports a refusal: the diagnostics and what would unblock them on stderr, and the refusal document on
    /// stdout when <c>--json</c> was given. Returns <see cref="ExitCodes.Failed"/>.
    /// </summary>
    public static int Refuse(ParseResult parse, IReadOnlyList<Diagnostic> diagnostics)
    {
        var hint = Hint(diagnostics);
        Print(diagnostics.Where(d => d.Severity != Severity.Info));
        if (hint is not null) Console.Error.WriteLine(hint);
        if (WantsJson(parse))
            Console.Out.Write(new RefusalJson(VerbPath(parse), DiagnosticJson.From(diagnostics), hint).ToJson());
        return ExitCodes.Failed;
    }

    /// <summary>
    /// When only warnings block, how to go on: fix them, <c>--allow-warnings</c> once, or an acknowledgement
    /// in toolkit.yaml (its form, with the first blocking code filled in). Null when an error blocks.
    /// </summary>
    public static string? Hint(IReadOnlyList<Diagnostic> diagnostics)
    {
        if (diagnostics.Any(d => d.Severity == Severity.Error)) return null;
        var blocking = diagnostics.Where(d => d.Blocks(allowWarnings: false)).ToList();
        if (blocking.Count == 0) return null;
        return $"{blocking.Count} warning(s) block this command: fix them, pass --allow-warnings to go on this once, " +
            $"or accept each on purpose in toolkit.yaml:\n    {Acknowledgement.Form(blocking[0].Code)}\n" +
            "  (docs/configuration.md#acknowledgements)";
    }

    /// <summary>The verb as typed, without the root: <c>tenants onboard</c>.</summary>
    public static string VerbPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            if (result.Command is not RootCommand) names.Insert(0, result.Command.Name);
        return string.Join(' ', names);
    }
}
