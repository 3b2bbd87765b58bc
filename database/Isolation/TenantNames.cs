using System.Text.RegularExpressions;
using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Database.Isolation;

/// <summary>
/// A tenant's validated id and slug and the database names derived from them (<c>tenant_</c> + slug with
/// hyphens as underscores): schema, role and database. Anything else, such as <c>x"; drop schema public; --</c>,
/// is an error before any SQL is built.
/// </summary>
public sealed partial record TenantNames
{
    private TenantNames(string id, string slug)
    {
        Id = id;
        Slug = slug;
        var stem = "tenant_" + slug.Replace('-', '_');
        Schema = stem;
        Role = stem;
        Database = stem;
    }

    /// <summary>Tenant id (lower-case letters, digits, hyphens).</summary>
    public string Id { get; }

    /// <summary>Slug (lower-case letter first, then letters, digits, hyphens; at most 40).</summary>
    public string Slug { get; }

    /// <summary>Schema under schema-per-tenant.</summary>
    public string Schema { get; }

    /// <summary>Login role of the tenant's application.</summary>
    public string Role { get; }

    /// <summary>Database under db-per-tenant.</summary>
    public string Database { get; }

    /// <summary>Validates <paramref name="id"/> and <paramref name="slug"/>; the error names the bad value.</summary>
    public static TenantNames Create(string id, string slug)
    {
        var problems = Problems(id, slug).ToList();
        if (problems.Count > 0) throw new DiagnosticException(problems);
        return new TenantNames(id, slug);
    }

    /// <summary>Validates every tenant of a config at once; duplicates of id or slug are errors too.</summary>
    public static IReadOnlyList<TenantNames> FromConfig(IEnumerable<TenantConfig> tenants)
    {
        var list = tenants.ToList();
        var problems = list.SelectMany(t => Problems(t.Id, t.Slug)).ToList();
        foreach (var dup in list.GroupBy(t => t.Id).Where(g => g.Count() > 1))
            problems.Add(Diagnostic.Error("tenant-duplicate", $"tenant id '{dup.Key}' appears more than once."));
        foreach (var dup in list.GroupBy(t => t.Slug).Where(g => g.Count() > 1))
            problems.Add(Diagnostic.Error("tenant-duplicate", $"tenant slug '{dup.Key}' appears more than once."));
        if (problems.Count > 0) throw new DiagnosticException(problems);
        return list.Select(t => new TenantNames(t.Id, t.Slug)).ToList();
    }

    private static IEnumerable<Diagnostic> Problems(string id, string slug)
    {
        if (!IdPattern().IsMatch(id))
            yield return Diagnostic.Error("tenant-id", $"tenant id '{id}' is not valid: use lower-case letters, digits and hyphens (1-63, starting with a letter or digit).");
        if (!SlugPattern().IsMatch(slug))
            yield return Diagnostic.Error("tenant-slug", $"tenant slug '{slug}' is not valid: use a lower-case letter, then lower-case letters, digits and hyphens (at most 40, not ending in a hyphen).");
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z](?:[a-z0-9-]{0,38}[a-z0-9])?$")]
    private static partial Regex SlugPattern();
}
