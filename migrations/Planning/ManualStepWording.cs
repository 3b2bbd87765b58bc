using System.Text.RegularExpressions;

namespace Toolkit.Migrations.Planning;

/// <summary>
/// Keeps a plan's manual steps true about the plan as a whole: a swap may say it left a file unchanged while
/// the plan changes that file anyway (another swap, a package or configuration edit in it), and a plan must
/// never say "left unchanged" about a file it changes.
/// </summary>
public static partial class ManualStepWording
{
    [GeneratedRegex(@"\s*\b(?:(?:this|the whole|the) file|it) (?:was|is|stays|remains) (?:left )?unchanged\b\.?|\s*\bleft unchanged\b\.?", RegexOptions.IgnoreCase)]
    private static partial Regex Unchanged();

    /// <summary>
    /// <paramref name="reason"/> for a file the plan changes: a claim that the file is left unchanged becomes what
    /// is true, that this code was not rewritten while the plan changes other lines of the file for <paramref name="changedBy"/>.
    /// </summary>
    public static string ForChangedFile(string reason, IReadOnlyList<string> changedBy)
    {
        if (!Unchanged().IsMatch(reason)) return reason;
        var rest = Unchanged().Replace(reason, "").TrimEnd();
        var joined = rest.Length == 0 || rest.EndsWith('.') || rest.EndsWith(':') ? rest : rest + ".";
        return $"{joined} This code was not rewritten; the plan changes other lines of this file ({string.Join(", ", changedBy)}).".TrimStart();
    }
}
