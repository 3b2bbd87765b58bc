using Toolkit.Compliance.Resources;

namespace Toolkit.Compliance.Checks;

/// <summary>Small constructors for evidence items, so each check reads as a list of rules.</summary>
internal static class Evidence
{
    /// <summary>Evidence that <paramref name="path"/> of <paramref name="resource"/> is <c>true</c>.</summary>
    public static EvidenceItem IsTrue(ResourceView resource, string path) =>
        new(resource.Name, resource.ShortType, path, resource.Text(path), resource.IsTrue(path), "true");

    /// <summary>Evidence that <paramref name="path"/> is not <c>true</c> (absent counts as false).</summary>
    public static EvidenceItem IsNotTrue(ResourceView resource, string path) =>
        new(resource.Name, resource.ShortType, path, resource.Text(path), !resource.IsTrue(path), "false or absent");

    /// <summary>Evidence that <paramref name="path"/> is a number of at least <paramref name="minimum"/>.</summary>
    public static EvidenceItem AtLeast(ResourceView resource, string path, long minimum) =>
        new(resource.Name, resource.ShortType, path, resource.Text(path), resource.Number(path) >= minimum, $">= {minimum}");

    /// <summary>Evidence about <paramref name="resource"/> with a computed verdict.</summary>
    public static EvidenceItem Of(ResourceView resource, string path, string value, bool satisfied, string expected) =>
        new(resource.Name, resource.ShortType, path, value, satisfied, expected);

    /// <summary>Evidence that a required resource is missing from the program.</summary>
    public static EvidenceItem Missing(string type, string expected) =>
        new("(none)", type, "(resource)", "(absent)", false, expected);
}
