using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Catalogue;

namespace Toolkit.Stacks.Configuration;

/// <summary>A diagnostic together with the config path it is about.</summary>
public sealed record ConfigFinding(string Path, Diagnostic Diagnostic);

/// <summary>
/// Schema-level checks of a config that the YAML structure alone cannot express: options exist in the
/// catalogue, regions are real, names are DNS-safe, tenants are unique, isolation fits the tenancy,
/// blue-green steps are sane, Kubernetes clusters exist for every region. Works on configs read from
/// a file (located by their <see cref="SourceMap"/>) and on configs built in code. Linear in tenants.
/// </summary>
public static partial class ConfigChecks
{
    /// <summary>Every schema-level error in <paramref name="config"/>, in document order of the checks.</summary>
    public static IReadOnlyList<ConfigFinding> Run(ToolkitConfig config, TechnologyCatalogue? catalogue = null)
    {
        var run = new CheckRun(config, catalogue ?? TechnologyCatalogue.Default);
        run.Project();
        run.Technologies();
        run.Architecture();
        run.Deployment();
        run.Compliance();
        run.Tenants();
        run.Stacks();
        run.Backups();
        return run.Findings;
    }

    private sealed partial class CheckRun(ToolkitConfig config, TechnologyCatalogue catalogue)
    {
        public List<ConfigFinding> Findings { get; } = [];

        private void Error(string code, string message, string path) =>
            Findings.Add(new ConfigFinding(path, Diagnostic.Error(code, message, config.Source.Find(path))));

        public void Project()
        {
            if (config.Project.Slug.Length > 0 && !DnsName.IsLabel(config.Project.Slug))
                Error(ConfigErrorCodes.NotDnsSafe, NotLabel("project.slug", config.Project.Slug), "project.slug");
        }

        public void Technologies()
        {
            var known = catalogue.Categories.Select(c => c.Id).ToList();
            foreach (var (categoryId, optionId) in config.Technologies.ByCategory.OrderBy(p => known.IndexOf(p.Key)))
            {
                var path = $"technologies.{categoryId}";
                if (catalogue.Category(categoryId) is not { } category)
                {
                    Error(ConfigErrorCodes.UnknownKey, $"unknown technology category '{categoryId}'{ClosestMatch.Hint(categoryId, known)}; known categories: {string.Join(", ", known)}", path);
                    continue;
                }
                if (category.Find(optionId) is null && optionId != TechnologyCatalogue.None)
                {
                    var valid = category.Options.Select(o => o.Id).ToList();
                    if (!category.Required) valid.Add(TechnologyCatalogue.None);
                    Error(ConfigErrorCodes.UnknownOption,
                        $"unknown {categoryId} option '{optionId}'{ClosestMatch.Hint(optionId, valid)}; valid options: {string.Join(", ", valid)}", path);
                }
            }
            foreach (var category in catalogue.Categories.Where(c => c.Required && config.Technologies[c.Id] is null))
                if (config.Source.File.Length == 0) // from a file, the parser already reported the missing key
                    Error(ConfigErrorCodes.MissingTechnology, $"technologies.{category.Id} is required; choose one of {string.Join(", ", category.Options.Select(o => o.Id))}", "technologies");
        }

        public void Architecture()
        {
            var architecture = config.Architecture;
            if (architecture.Tenancy == TenancyModel.SingleTenant && architecture.Isolation is { } isolation)
                Error(ConfigErrorCodes.IsolationForSingleTenant,
                    $"'architecture.isolation' ({Words.Of(isolation)}) applies only to multi-tenant; remove it or set 'tenancy: multi-tenant'", "architecture.isolation");
            if (architecture.Tenancy == TenancyModel.MultiTenant && architecture.Isolation is null)
                Error(ConfigErrorCodes.IsolationMissing,
                    "a multi-tenant architecture needs 'architecture.isolation': rls, schema-per-tenant or db-per-tenant", "architecture.tenancy");
        }

        public void Compliance()
        {
            var residency = config.Compliance.DataResidency;
            Regions(residency.AllowedRegions, "compliance.dataResidency.allowedRegions");
            Regions(residency.ProhibitedRegions, "compliance.dataResidency.prohibitedRegions");
        }

        private void Regions(IReadOnlyList<string> regions, string path)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < regions.Count; i++)
            {
                var itemPath = $"{path}[{i}]";
                if (catalogue.Region(regions[i]) is null)
                    Error(ConfigErrorCodes.InvalidRegion,
                        $"'{regions[i]}' is not an AWS region id{ClosestMatch.Hint(regions[i], catalogue.Regions.Select(r => r.Id))}; for example us-east-1, eu-west-1, ap-southeast-2 (docs/configuration.md lists them all)",
                        itemPath);
                else if (!seen.Add(regions[i]))
                    Error(ConfigErrorCodes.DuplicateRegion, $"region '{regions[i]}' appears twice in '{path}'", itemPath);
            }
        }

        private static string NotLabel(string path, string value) =>
            $"'{path}' value '{value}' is not DNS-safe: use 1-63 lower-case letters, digits and '-', not starting or ending with '-'";
    }
}
