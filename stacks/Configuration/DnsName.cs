using System.Text.RegularExpressions;

namespace Toolkit.Stacks.Configuration;

/// <summary>DNS safety of slugs, subdomains and domains (RFC 1123 labels, lower case).</summary>
public static partial class DnsName
{
    /// <summary>One label: 1-63 of a-z, 0-9, '-', not starting or ending with '-'.</summary>
    public static bool IsLabel(string value) => value.Length is > 0 and <= 63 && Label().IsMatch(value);

    /// <summary>A host name: dot-separated labels, at least two, at most 253 characters.</summary>
    public static bool IsHostName(string value) =>
        value.Length <= 253 && value.Split('.') is { Length: >= 2 } labels && labels.All(IsLabel);

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Label();
}
