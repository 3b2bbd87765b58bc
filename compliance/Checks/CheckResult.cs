namespace Toolkit.Compliance.Checks;

/// <summary>Verdict of a check or a control.</summary>
public enum CheckStatus
{
    /// <summary>Every piece of evidence satisfies the check.</summary>
    Pass,
    /// <summary>At least one piece of evidence does not.</summary>
    Fail,
    /// <summary>The program has nothing the check applies to.</summary>
    NotApplicable,
    /// <summary>A control fails, but an acknowledgement in force accepts the risk (its reason is in the report).</summary>
    AcceptedRisk,
}

/// <summary>
/// One piece of evidence: a resource's property and its value, and whether it satisfies the check.
/// <paramref name="Expected"/> says what would satisfy it (<c>true</c>, <c>&gt;= 35</c>).
/// </summary>
public sealed record EvidenceItem(string Resource, string Type, string Property, string Value, bool Satisfied, string Expected);

/// <summary>The result of one check: status, a one-line summary, and the evidence in program order.</summary>
public sealed record CheckResult(string CheckId, CheckStatus Status, string Summary, IReadOnlyList<EvidenceItem> Evidence)
{
    /// <summary>Builds a result from evidence: fail if any item fails, pass if there is any, otherwise not applicable.</summary>
    public static CheckResult From(string checkId, IReadOnlyList<EvidenceItem> evidence, string whenNothingApplies)
    {
        if (evidence.Count == 0) return new CheckResult(checkId, CheckStatus.NotApplicable, whenNothingApplies, evidence);
        var failed = evidence.Count(e => !e.Satisfied);
        return failed == 0
            ? new CheckResult(checkId, CheckStatus.Pass, $"{evidence.Count} of {evidence.Count} satisfied", evidence)
            : new CheckResult(checkId, CheckStatus.Fail, $"{failed} of {evidence.Count} not satisfied", evidence);
    }
}
