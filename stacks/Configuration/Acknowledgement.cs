using System.Globalization;
using Toolkit.Core.Diagnostics;

namespace Toolkit.Stacks.Configuration;

/// <summary>
/// One entry of <c>acknowledgements:</c> in toolkit.yaml: a warning (by rule id or code, <c>TK2009</c>) or a
/// failed compliance control (<c>gdpr/Art. 44</c>) accepted on purpose, with the reason, who decided and the last
/// day it holds. Until then the finding is printed as acknowledged and does not block; after, it blocks again.
/// </summary>
public sealed record Acknowledgement(string Id, string Reason, string By, DateOnly Until)
{
    /// <summary>Where it was written (for messages), or null for configs built in code.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary><see cref="Until"/> as written: <c>YYYY-MM-DD</c>.</summary>
    public string UntilText => Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Whether it still holds on <paramref name="today"/> (the <see cref="Until"/> day included).</summary>
    public bool HoldsOn(DateOnly today) => today <= Until;

    /// <summary>The form diagnostics carry.</summary>
    public DiagnosticAcknowledgement ToDiagnostic() => new(Id, Reason, By, UntilText);

    /// <summary>The YAML a refusal shows, so a person can copy it into toolkit.yaml and fill it in.</summary>
    public static string Form(string id) =>
        $"acknowledgements: [{{ id: {id}, reason: \"why this is accepted\", by: you@example.com, until: YYYY-MM-DD }}]";

    /// <summary>Today in UTC, the day acknowledgements are judged on.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
}

/// <summary>Matches findings with the acknowledgements of a config.</summary>
public static class Acknowledgements
{
    /// <summary>
    /// <paramref name="diagnostic"/> as it stands under <paramref name="acknowledgements"/> on <paramref name="today"/>:
    /// acknowledged when one in force names any of <paramref name="ids"/> (case-insensitive); with a suggestion to
    /// renew when the only match has expired; unchanged otherwise. Only warnings are acknowledged here (errors
    /// stay errors; failed compliance controls use <see cref="Match"/>).
    /// </summary>
    public static Diagnostic Apply(Diagnostic diagnostic, IReadOnlyList<Acknowledgement> acknowledgements, DateOnly today, params string[] ids)
    {
        if (diagnostic.Severity != Severity.Warning) return diagnostic;
        var (held, expired) = Match(acknowledgements, today, ids);
        if (held is not null) return diagnostic with { Acknowledged = held.ToDiagnostic() };
        return expired is null ? diagnostic : diagnostic with { Suggestions = [ExpiredSuggestion(expired), .. diagnostic.Suggestions] };
    }

    /// <summary>What a finding whose acknowledgement has expired suggests.</summary>
    public static string ExpiredSuggestion(Acknowledgement expired) =>
        $"the acknowledgement of '{expired.Id}' ({expired.Location?.ToString() ?? "toolkit.yaml"}) expired on {expired.UntilText}: " +
        "fix the finding, or renew its 'until:' with a current reason";

    /// <summary>The acknowledgement in force that names any of <paramref name="ids"/>, and else the latest expired one.</summary>
    public static (Acknowledgement? Held, Acknowledgement? Expired) Match(IReadOnlyList<Acknowledgement> acknowledgements, DateOnly today, params string[] ids)
    {
        var named = acknowledgements.Where(a => ids.Contains(a.Id.Trim(), StringComparer.OrdinalIgnoreCase)).ToList();
        return (named.FirstOrDefault(a => a.HoldsOn(today)), named.Where(a => !a.HoldsOn(today)).MaxBy(a => a.Until));
    }
}
