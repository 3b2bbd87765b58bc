using Toolkit.Stacks.Catalogue;

namespace Toolkit.Compliance.Checks;

/// <summary>
/// GDPR Chapter V: every region the program deploys to is inside the EEA or covered by an EU adequacy decision
/// (the catalogue's <c>gdprAdequate</c>, the same fact rule TK2009 reads), so synth and validate agree. A region
/// outside needs a transfer basis (SCCs), recorded as an acknowledgement of TK2009 or of the control.
/// </summary>
public sealed class ThirdCountryTransferCheck : ICheck
{
    /// <inheritdoc />
    public string Id => "third-country-transfer";
    /// <inheritdoc />
    public string Title => "Personal data stays in the EEA or an adequate country";
    /// <inheritdoc />
    public string ConfigPath => "deployment.regions";

    /// <inheritdoc />
    public CheckResult Run(CheckContext context)
    {
        var catalogue = TechnologyCatalogue.Default;
        var evidence = context.Program.Regions
            .Select(r => new EvidenceItem($"stack {context.Stack}", "(stack)", "regions", r, catalogue.Region(r) is { GdprAdequate: true },
                "an EEA region or one with an adequacy decision (else a transfer basis: rule TK2009)"))
            .ToList();
        return CheckResult.From(Id, evidence, "the program names no region");
    }
}
