using System.CommandLine;
using Toolkit.Compliance.Diff;
using Toolkit.Compliance.Evaluation;
using Toolkit.Compliance.Evidence;
using Toolkit.Compliance.Reports;
using Toolkit.Core.Diagnostics;
using Toolkit.Core.Output;
using Toolkit.Core.Serialization;
using Toolkit.Cli.Output;
using Toolkit.Compliance.Checks;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit compliance report|diff</c>: compliance evidence for reviewers and CI gates.</summary>
public sealed class ComplianceCommand : ICommandDefinition
{
    /// <inheritdoc />
    public Command Create()
    {
        var command = new Command("compliance",
            "Compliance evidence: render the controls report of a stack, or compare two deploys control by control.\n" +
            "Examples:\n" +
            "  toolkit compliance report --config toolkit.yaml --stack prod --format html --out compliance.html\n" +
            "  pulumi stack output --json --show-secrets=false > outputs.json\n" +
            "  toolkit compliance report --config toolkit.yaml --stack prod --outputs outputs.json --format sarif --out compliance.sarif\n" +
            "  toolkit compliance diff before.json after.json");
        command.Subcommands.Add(Report());
        command.Subcommands.Add(DiffCommand());
        return command;
    }

    private static Command Report()
    {
        var config = new Option<FileInfo>("--config") { Description = "The toolkit.yaml the stack is synthesized from.", Required = true };
        var stack = new Option<string>("--stack") { Description = "Stack name (dev, staging, prod...).", Required = true };
        var outputs = new Option<FileInfo?>("--outputs")
        {
            Description = "Output of 'pulumi stack output --json --show-secrets=false' of the deployed stack; without it the report is made from the synthesized program.",
        };
        var format = new Option<string>("--format") { Description = "md, html (one self-contained page), json (the 'compliance' output object) or sarif (2.1.0).", DefaultValueFactory = _ => "md" };
        var framework = new Option<string[]>("--framework") { Description = "Only these frameworks (soc2, hipaa, gdpr); repeatable. Default: every framework in force.", AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo?>("--out") { Description = "Write the report to this file (atomically) instead of standard output." };
        var json = new Option<bool>("--json") { Description = "Print {ok, stack, status, report (the JSON report), diagnostics} on stdout (with --out, the --format report goes to the file); a refusal prints {ok: false, diagnostics}." };
        var command = new Command("report",
            "Render the compliance report of a stack: a summary per framework, every control's status (pass, fail, not applicable) and the resources and properties that are its evidence, with the config hash and toolkit version it was made from.\n" +
            "Exits 1 when a control of a mandatory framework fails, so CI can gate on it.\n" +
            "Example: toolkit compliance report --config toolkit.yaml --stack prod --format html --out compliance.html");
        foreach (var o in new Option[] { config, stack, outputs, format, framework, output, json }) command.Options.Add(o);
        command.SetAction((ParseResult p, CancellationToken ct) =>
        {
            var reportFormat = ReportRenderer.ParseFormat(p.GetValue(format)!);
            var request = new ComplianceReportRequest(p.GetValue(config)!.FullName, p.GetValue(stack)!, p.GetValue(outputs)?.FullName, p.GetValue(framework) ?? []);
            var report = ComplianceReportSource.Load(request);
            var text = ReportRenderer.Render(report, reportFormat);
            var diagnostics = ReportDiagnostics.Of(report).ToList();
            if (p.GetValue(output) is { } file) AtomicFile.WriteAllText(file.FullName, text);
            else if (!p.GetValue(json)) Console.Out.Write(text);
            if (p.GetValue(json))
                Console.Out.Write(CanonicalJson.Serialize(new ComplianceReportJson(!report.MandatoryFailure, report.Stack, report.Status, ComplianceJson.ToElement(report),
                    DiagnosticJson.From(diagnostics))));
            CommandOutput.Print(diagnostics);
            return Task.FromResult(report.MandatoryFailure ? ExitCodes.Failed : ExitCodes.Ok);
        });
        return command;
    }

    private static Command DiffCommand()
    {
        var old = new Argument<FileInfo>("OLD") { Description = "The earlier compliance JSON report or stack outputs JSON." };
        var @new = new Argument<FileInfo>("NEW") { Description = "The later one." };
        var json = new Option<bool>("--json") { Description = "Print the diff as JSON." };
        var failOnRegression = new Option<bool>("--fail-on-regression") { Description = "Exit 1 when a control that passed (or did not apply) now fails." };
        var command = new Command("diff",
            "What changed between two deploys, control by control: regressed, fixed, added, removed, or evidence changed (resource, property, old and new value).\n" +
            "Each file is a 'toolkit compliance report --format json' or a 'pulumi stack output --json' with a 'compliance' output.\n" +
            "Example: toolkit compliance diff outputs-before.json outputs-after.json --fail-on-regression");
        command.Arguments.Add(old);
        command.Arguments.Add(@new);
        command.Options.Add(json);
        command.Options.Add(failOnRegression);
        command.SetAction((ParseResult p, CancellationToken ct) =>
        {
            var diff = ComplianceDiff.Compare(OutputsFile.Read(p.GetValue(old)!.FullName), OutputsFile.Read(p.GetValue(@new)!.FullName));
            Console.Out.Write(p.GetValue(json) ? DiffRenderer.Json(diff) : DiffRenderer.Text(diff));
            return Task.FromResult(p.GetValue(failOnRegression) && diff.HasRegressions ? ExitCodes.Failed : ExitCodes.Ok);
        });
        return command;
    }
}

/// <summary>What <c>toolkit compliance report --json</c> prints: whether CI may pass, and the report itself.</summary>
public sealed record ComplianceReportJson(bool Ok, string Stack, CheckStatus Status, System.Text.Json.JsonElement Report, IReadOnlyList<DiagnosticJson> Diagnostics);
