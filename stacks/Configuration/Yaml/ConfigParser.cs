using YamlDotNet.RepresentationModel;

namespace Toolkit.Stacks.Configuration.Yaml;

/// <summary>
/// Turns the YAML document of a <c>toolkit.yaml</c> into a <see cref="ToolkitConfig"/>, reporting
/// structural errors (unknown keys, wrong kinds, bad enum words) into the context and carrying on with
/// defaults so every error is found. Semantic checks (regions, DNS names, duplicates) run afterwards.
/// Keys are camelCase; enum words are kebab-case.
/// </summary>
internal sealed partial class ConfigParser(ReadContext context)
{
    public static readonly string[] RootKeys = ["version", "project", "technologies", "architecture", "deployment", "compliance", "tenants", "stacks", "acknowledgements", "costAssumptions", "backups", "monitoring"];
    public static readonly string[] ProjectKeys = ["name", "slug", "description"];
    public static readonly string[] ArchitectureKeys = ["tenancy", "isolation"];

    public static readonly IReadOnlyDictionary<string, TenancyModel> Tenancies =
        new Dictionary<string, TenancyModel> { ["single-tenant"] = TenancyModel.SingleTenant, ["multi-tenant"] = TenancyModel.MultiTenant };

    public static readonly IReadOnlyDictionary<string, IsolationLevel> Isolations = new Dictionary<string, IsolationLevel>
    {
        ["rls"] = IsolationLevel.Rls, ["schema-per-tenant"] = IsolationLevel.SchemaPerTenant, ["db-per-tenant"] = IsolationLevel.DbPerTenant,
    };

    public ToolkitConfig Read(YamlNode root)
    {
        var top = MappingReader.Open(context, root, "", RootKeys);
        if (top is null) throw new InvalidOperationException("unreachable: the caller checks the root is a mapping");
        var version = top.Text("version", required: true)!;
        if (version.Length > 0 && version != "1")
            context.Error(ConfigErrorCodes.UnsupportedVersion, $"'version' must be 1 (the only schema version this toolkit reads), not '{version}'",
                top.Get("version")!, "version");
        return new ToolkitConfig
        {
            Version = version.Length == 0 ? "1" : version,
            Project = ReadProject(top),
            Technologies = ReadTechnologies(top),
            Architecture = ReadArchitecture(top),
            Deployment = ReadDeployment(top),
            Compliance = ReadCompliance(top),
            Tenants = ReadTenants(top),
            Stacks = ReadStacks(top),
            Acknowledgements = ReadAcknowledgements(top),
            CostAssumptions = ReadCostAssumptions(top),
            Backups = ReadBackups(top),
            Monitoring = ReadMonitoring(top),
            Source = new SourceMap(context.File, context.Locations),
        };
    }

    private ProjectMetadata ReadProject(MappingReader top)
    {
        var project = top.Mapping("project", ProjectKeys);
        if (project is null)
        {
            top.Missing("project");
            return new ProjectMetadata("", "", "");
        }
        return new ProjectMetadata(project.Text("name", required: true)!, project.Text("slug", required: true)!, project.Text("description", ""));
    }

    private TechnologyChoices ReadTechnologies(MappingReader top)
    {
        var catalogue = Catalogue.TechnologyCatalogue.Default;
        var categories = catalogue.Categories.Select(c => c.Id).ToList();
        var section = top.Mapping("technologies", categories);
        var chosen = new Dictionary<string, string>(StringComparer.Ordinal);
        if (section is null)
        {
            top.Missing("technologies");
            return new TechnologyChoices(chosen);
        }
        foreach (var category in catalogue.Categories)
        {
            var id = section.Text(category.Id, required: category.Required);
            if (string.IsNullOrEmpty(id) || id == Catalogue.TechnologyCatalogue.None) continue;
            chosen[category.Id] = id;
        }
        return new TechnologyChoices(chosen);
    }

    private ArchitectureConfig ReadArchitecture(MappingReader top)
    {
        var section = top.Mapping("architecture", ArchitectureKeys);
        if (section is null)
        {
            top.Missing("architecture");
            return new ArchitectureConfig(TenancyModel.MultiTenant, IsolationLevel.Rls);
        }
        var tenancy = section.Choice("tenancy", Tenancies, required: true);
        var isolation = section.Choice("isolation", Isolations);
        // A bad tenancy word is already reported; assume the reading that adds no second error.
        return new ArchitectureConfig(tenancy ?? (isolation is null ? TenancyModel.SingleTenant : TenancyModel.MultiTenant), isolation);
    }
}
