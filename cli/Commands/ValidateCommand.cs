using System.CommandLine;
using Toolkit.Cli.Output;
using Toolkit.Core.Diagnostics;
using Toolkit.Core.Serialization;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit validate</c>: checks a config's schema and compatibility rules.</summary>
public sealed class ValidateCommand : ICommandDefinition
{
    /// <inheritdoc />
    public Command Create()
    {
        var config = new Option<string>("--config") { Description = "The toolkit.yaml to check.", DefaultValueFactory = _ => "toolkit.yaml" };
        var allowWarnings = new Option<bool>("--allow-warnings") { Description = "Exit 0 when only warnings (and info) are found; they are still printed." };
        var json = new Option<bool>("--json") { Description = "Print findings as JSON on stdout (severity, code, message, file, line, column, suggestions)." };
        var command = new Command("validate",
            "Check a toolkit.yaml: every key, option, region, DNS name and tenant, then every compatibility rule.\n" +
            "Findings print as FILE:LINE:COL: error|warning|info CODE: message (codes in docs/configuration.md).\n" +
            "Exit 0 when valid; 1 on any error, or any warning that is neither acknowledged (acknowledgements: in the file) nor allowed (--allow-warnings).\n" +
            "Example: toolkit validate --config examples/toolkit.yaml --allow-warnings");
        command.Options.Add(config);
        command.Options.Add(allowWarnings);
        command.Options.Add(json);
        command.SetAction((ParseResult p, CancellationToken _) =>
        {
            var path = p.GetValue(config)!;
            IReadOnlyList<Diagnostic> findings;
            try
            {
                findings = ConfigValidator.Validate(ConfigLoader.Load(path)).Diagnostics;
            }
            catch (DiagnosticException e)
            {
                findings = e.Diagnostics;
            }
            var report = new ValidationReport(findings);
            var valid = report.IsValid(p.GetValue(allowWarnings));
            if (p.GetValue(json)) Console.Out.Write(Json(path, valid, report));
            else Print(path, valid, report);
            return Task.FromResult(valid ? ExitCodes.Ok : ExitCodes.Failed);
        });
        return command;
    }

    private static void Print(string path, bool valid, ValidationReport report)
    {
        CommandOutput.Print(report.Diagnostics);
        if (!valid && CommandOutput.Hint(report.Diagnostics) is { } hint) Console.Error.WriteLine(hint);
        var acknowledged = report.Acknowledged.Count > 0 ? $" ({report.Acknowledged.Count} acknowledged)" : "";
        var summary = $"{path}: {report.Errors.Count} error(s), {report.Warnings.Count} warning(s){acknowledged}, {report.Infos.Count} info";
        Console.WriteLine(valid ? $"{summary}: valid" : $"{summary}: INVALID");
    }

    private static string Json(string path, bool valid, ValidationReport report) =>
        CanonicalJson.Serialize(new ValidationJson(valid, path, valid, report.Errors.Count, report.Warnings.Count, report.Acknowledged.Count, report.Infos.Count,
            DiagnosticJson.From(report.Diagnostics), valid ? null : CommandOutput.Hint(report.Diagnostics)));
}

/// <summary>What <c>toolkit validate --json</c> prints (exit 0 when <see cref="Valid"/>, else 1).</summary>
public sealed record ValidationJson(bool Ok, string Config, bool Valid, int Errors, int Warnings, int Acknowledged, int Infos,
    IReadOnlyList<DiagnosticJson> Diagnostics, string? Hint);
