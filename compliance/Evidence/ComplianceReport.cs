using Toolkit.Compliance.Checks;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Compliance.Evidence;

/// <summary>
/// The compliance evidence of one stack: what every stack exports as its <c>compliance</c> output, what the
/// JSON report holds, and what every other report format and the diff are made from.
/// </summary>
/// <param name="Schema">Shape version of this object (<c>toolkit.compliance/v1</c>).</param>
/// <param name="Project">Project slug.</param>
/// <param name="Stack">Stack name.</param>
/// <param name="ToolkitVersion">Version of the toolkit that evaluated it.</param>
/// <param name="ConfigFile">File name of the toolkit.yaml it was evaluated from.</param>
/// <param name="ConfigSha256">SHA-256 of that file's bytes (hex, lower case); empty for configs built in code.</param>
/// <param name="Regions">Regions the stack deploys to, primary first.</param>
/// <param name="Status">Fail when a control of a mandatory framework fails.</param>
/// <param name="Frameworks">Frameworks in force, in catalogue order.</param>
public sealed record ComplianceReport(
    string Schema,
    string Project,
    string Stack,
    string ToolkitVersion,
    string ConfigFile,
    string ConfigSha256,
    IReadOnlyList<string> Regions,
    CheckStatus Status,
    IReadOnlyList<FrameworkReport> Frameworks)
{
    /// <summary>The current <see cref="Schema"/> value.</summary>
    public const string CurrentSchema = "toolkit.compliance/v1";

    /// <summary>Whether a control of a mandatory framework fails (CI gates on this).</summary>
    public bool MandatoryFailure => Frameworks.Any(f => f.Enforcement == Enforcement.Mandatory && f.Status == CheckStatus.Fail);
}

/// <summary>One framework: its enforcement, overall status, counts and controls.</summary>
public sealed record FrameworkReport(
    string Id,
    string Name,
    Enforcement Enforcement,
    CheckStatus Status,
    ControlCounts Summary,
    IReadOnlyList<ControlReport> Controls);

/// <summary>How many controls of a framework pass, fail or do not apply.</summary>
public sealed record ControlCounts(int Pass, int Fail, int NotApplicable)
{
    /// <summary>Failing controls whose risk an acknowledgement accepts (absent from the JSON when 0).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public int AcceptedRisk { get; init; }
}

/// <summary>One control: its status and the checks that are its evidence.</summary>
public sealed record ControlReport(string Id, string Title, CheckStatus Status, IReadOnlyList<CheckReport> Checks)
{
    /// <summary>Why a failing control is accepted, by whom and until when (status <see cref="CheckStatus.AcceptedRisk"/>); absent otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Toolkit.Core.Diagnostics.DiagnosticAcknowledgement? Acceptance { get; init; }
}

/// <summary>One check's result under a control, with the resources and properties that are its evidence.</summary>
public sealed record CheckReport(string Id, string Title, CheckStatus Status, string Summary, IReadOnlyList<EvidenceItem> Evidence);
