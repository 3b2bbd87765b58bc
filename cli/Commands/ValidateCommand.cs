using System.CommandLine;
using System.Text;
using System.Text.Json;
using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit validate</c>: checks a config's schema and compatibility rules.</summary>
public sealed class ValidateCommand : ICommandDefinition
{
    /// <inheritdoc />
    public Command Create()
    {
        var config = new Option<string>("--config") { Description = "The toolkit.yaml to check.", DefaultValueFactory = _ => "toolkit.yaml" };
        var allowWarnings = new Option<bool>("--allow-warnings") { Description = "Exit 0 when only warnings (and info) are found." };
        var json = new Option<bool>("--json") { Description = "Print findings as JSON on stdout (severity, code, message, file, line, column, suggestions)." };
        var command = new Command("validate",
            "Check a toolkit.yaml: every key, option, region, DNS name and tenant, then every compatibility rule.\n" +
            "Findings print as FILE:LINE:COL: error|warning|info CODE: message (codes in docs/configuration.md).\n" +
            "Exit 0 when valid; 1 on any error, or any warning without --allow-warnings.\n" +
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
        foreach (var finding in report.Diagnostics)
        {
            var writer = finding.Severity == Severity.Info ? Console.Out : Console.Error;
            writer.WriteLine(finding);
            foreach (var suggestion in finding.Suggestions) writer.WriteLine($"    suggestion: {suggestion}");
        }
        var summary = $"{path}: {report.Errors.Count} error(s), {report.Warnings.Count} warning(s), {report.Infos.Count} info";
        Console.WriteLine(valid ? $"{summary}: valid" : $"{summary}: INVALID");
    }

    private static string Json(string path, bool valid, ValidationReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("config", path);
            w.WriteBoolean("valid", valid);
            w.WriteNumber("errors", report.Errors.Count);
            w.WriteNumber("warnings", report.Warnings.Count);
            w.WriteNumber("infos", report.Infos.Count);
            w.WriteStartArray("diagnostics");
            foreach (var d in report.Diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
                w.WriteString("code", d.Code);
                w.WriteString("message", d.Message);
                if (d.Location is { } at)
                {
                    w.WriteString("file", at.File);
                    w.WriteNumber("line", at.Line);
                    w.WriteNumber("column", at.Column);
                }
                w.WriteStartArray("suggestions");
                foreach (var s in d.Suggestions) w.WriteStringValue(s);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }
}
