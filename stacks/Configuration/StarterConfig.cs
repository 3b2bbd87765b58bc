using System.Globalization;
using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Catalogue;
using Toolkit.Stacks.Configuration.Yaml;

namespace Toolkit.Stacks.Configuration;

/// <summary>What <c>toolkit init</c> was asked for, as typed on the command line (words are checked by <see cref="StarterConfig.Create"/>).</summary>
public sealed record StarterOptions
{
    /// <summary>single-region, multi-region or blue-green.</summary>
    public required string Pattern { get; init; }
    /// <summary>rls, schema-per-tenant, db-per-tenant, or none for a single-tenant platform.</summary>
    public required string Isolation { get; init; }
    /// <summary>aws-ecs or kubernetes.</summary>
    public required string Compute { get; init; }
    /// <summary>cloudflare or aws.</summary>
    public required string Edge { get; init; }
    /// <summary>Region ids, primary first; empty for the pattern's default.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];
    /// <summary>How many tenants to generate (tenant-001, tenant-002...).</summary>
    public int Tenants { get; init; } = 3;
    /// <summary>soc2, hipaa, gdpr.</summary>
    public IReadOnlyList<string> Compliance { get; init; } = [];
    /// <summary>Project name; its slug is derived.</summary>
    public string ProjectName { get; init; } = "Acme Platform";

    /// <summary>The day acknowledgements init records start from (they hold 90 days); today in UTC unless given.</summary>
    public DateOnly? Today { get; init; }
}

/// <summary>
/// Builds the starter config <c>toolkit init</c> writes: valid for every pattern x isolation x compute x
/// edge, with compliance settings that satisfy the chosen frameworks and tenants with DNS-safe names.
/// </summary>
public static class StarterConfig
{
    /// <summary>Largest tenant count init generates.</summary>
    public const int MaxTenants = 100_000;

    /// <summary>The starter config for <paramref name="options"/>.</summary>
    /// <exception cref="DiagnosticException">An unknown word or region, or a tenant count out of range (all of them).</exception>
    public static ToolkitConfig Create(StarterOptions options)
    {
        var errors = new List<Diagnostic>();
        var catalogue = TechnologyCatalogue.Default;
        var pattern = Word(ConfigParser.Patterns, options.Pattern, "--pattern", errors);
        var single = options.Isolation is "none" or "single-tenant";
        var isolation = single ? (IsolationLevel?)null : Word(ConfigParser.Isolations, options.Isolation, "--isolation", errors);
        Option(catalogue, "compute", options.Compute, "--compute", errors);
        Option(catalogue, "edge", options.Edge, "--edge", errors);
        var frameworks = options.Compliance.Select(f => Word(ConfigParser.Frameworks, f, "--compliance", errors, ConfigErrorCodes.UnknownFramework)).Distinct().ToList();
        if (options.Tenants is < 0 or > MaxTenants)
            errors.Add(Diagnostic.Error(ConfigErrorCodes.InvalidInitArgument, $"--tenants must be from 0 to {MaxTenants}, not {options.Tenants}"));
        foreach (var region in options.Regions.Where(r => catalogue.Region(r) is null))
            errors.Add(Diagnostic.Error(ConfigErrorCodes.InvalidRegion,
                $"--regions: '{region}' is not an AWS region id{ClosestMatch.Hint(region, catalogue.Regions.Select(r => r.Id))}"));
        if (options.Regions.Distinct().Count() != options.Regions.Count)
            errors.Add(Diagnostic.Error(ConfigErrorCodes.DuplicateRegion, "--regions names a region twice"));
        if (pattern == DeploymentPattern.MultiRegion && options.Regions.Count == 1)
            errors.Add(Diagnostic.Error(ConfigErrorCodes.InvalidInitArgument, "--pattern multi-region needs at least two --regions (a primary and a replica)"));
        if (isolation == IsolationLevel.Rls && frameworks.Contains(ComplianceFramework.Hipaa))
            errors.Add(Diagnostic.Error(ConfigErrorCodes.InvalidInitArgument,
                "--isolation rls cannot be combined with --compliance hipaa: HIPAA's tenant-isolation control (164.312(c)(1)) needs tenants' ePHI " +
                "out of shared tables (rule TK2028); use --isolation schema-per-tenant or db-per-tenant"));
        if (single && options.Tenants > 1)
            errors.Add(Diagnostic.Error(ConfigErrorCodes.InvalidInitArgument, "--isolation none is a single-tenant platform: use --tenants 0 or 1"));
        if (errors.Count > 0) throw new DiagnosticException(errors);

        var regions = options.Regions.Count > 0 ? options.Regions : DefaultRegions(pattern, frameworks);
        var projectSlug = Slug(options.ProjectName);
        var tenants = new TenantConfig[options.Tenants];
        var width = Math.Max(3, options.Tenants.ToString(CultureInfo.InvariantCulture).Length);
        for (var i = 0; i < tenants.Length; i++)
        {
            var id = "tenant-" + (i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
            tenants[i] = new TenantConfig
            {
                Id = id, Name = $"Tenant {i + 1}", Slug = id, Subdomain = id,
                Plan = (i % 10) switch { 0 => "enterprise", < 4 => "growth", _ => "starter" },
            };
        }
        var hipaa = frameworks.Contains(ComplianceFramework.Hipaa);
        // dev may be torn down freely only when no framework asks for deletion protection (SOC 2 A1.2, HIPAA 164.312(c)(1)).
        var devProtected = frameworks.Count > 0;
        return new ToolkitConfig
        {
            Version = "1",
            Project = new ProjectMetadata(options.ProjectName, projectSlug, $"{options.ProjectName}: multi-tenant SaaS platform"),
            Technologies = new TechnologyChoices(new Dictionary<string, string>
            {
                ["compute"] = options.Compute, ["edge"] = options.Edge, ["database"] = "aws-aurora",
                ["storage"] = options.Edge == "cloudflare" ? "r2" : "s3", ["cache"] = "redis", ["email"] = "aws-ses",
                ["secrets"] = "aws-secrets-manager", ["errorTracking"] = "sentry",
            }),
            Architecture = new ArchitectureConfig(single ? TenancyModel.SingleTenant : TenancyModel.MultiTenant, isolation),
            Deployment = new DeploymentConfig
            {
                Pattern = pattern, Regions = regions, Domain = $"{projectSlug}.example.com",
                BlueGreen = pattern == DeploymentPattern.BlueGreen
                    ? new BlueGreenConfig { Local = new LocalTrafficConfig("127.0.0.1:8080", "127.0.0.1:8081", "127.0.0.1:8082") }
                    : new BlueGreenConfig(),
                Kubernetes = options.Compute == "kubernetes"
                    ? regions.ToDictionary(r => r, r => new KubernetesClusterConfig($"{projectSlug}-{r}", null))
                    : new Dictionary<string, KubernetesClusterConfig>(),
            },
            Compliance = new ComplianceConfig
            {
                Frameworks = frameworks,
                // With a framework in force, pin residency to the chosen regions so a later region needs a decision.
                DataResidency = new DataResidencyConfig(frameworks.Count > 0 ? WithBackupCopyRegion(regions, frameworks) : [], []),
                AuditLog = new AuditLogConfig(true, hipaa ? 2190 : 365),
                BackupRetentionDays = frameworks.Count > 0 ? 35 : 7,
            },
            Tenants = tenants,
            Stacks =
            [
                new StackConfig { Name = "dev", Instances = 1, DatabaseInstanceClass = "db.t4g.medium", DeletionProtection = devProtected },
                new StackConfig { Name = "staging", Instances = 1, DatabaseInstanceClass = "db.t4g.medium" },
                new StackConfig { Name = "prod", Instances = 3, DatabaseInstanceClass = "db.r6g.large" },
            ],
            Acknowledgements = InherentWarnings(frameworks, regions, options.Today ?? Acknowledgement.Today, catalogue),
        };
    }

    /// <summary>
    /// Warnings the chosen combination cannot avoid, recorded as acknowledgements so the starter passes as written;
    /// each says what it assumes and holds 90 days, so a person confirms or replaces it. Today: a GDPR platform
    /// with a region outside the EEA and adequacy decisions (rule TK2009, control GDPR Art. 44).
    /// </summary>
    private static List<Acknowledgement> InherentWarnings(List<ComplianceFramework> frameworks, IReadOnlyList<string> regions, DateOnly today, TechnologyCatalogue catalogue)
    {
        var acknowledgements = new List<Acknowledgement>();
        var transfers = regions.Where(r => catalogue.Region(r) is { GdprAdequate: false }).ToList();
        if (frameworks.Contains(ComplianceFramework.Gdpr) && transfers.Count > 0)
            acknowledgements.Add(new Acknowledgement("TK2009",
                $"Transfer basis for personal data in {string.Join(", ", transfers)}: standard contractual clauses with a transfer impact assessment " +
                "(assumed by toolkit init; replace with your own basis and owner)",
                "toolkit init", today.AddDays(90)));
        return acknowledgements;
    }

    private static IReadOnlyList<string> DefaultRegions(DeploymentPattern pattern, List<ComplianceFramework> frameworks)
    {
        var eu = frameworks.Contains(ComplianceFramework.Gdpr);
        return pattern == DeploymentPattern.MultiRegion
            ? eu ? ["eu-west-1", "eu-central-1"] : ["us-east-1", "us-west-2"]
            : eu ? ["eu-west-1"] : ["us-east-1"];
    }

    private static string Slug(string name)
    {
        var chars = name.ToLowerInvariant().Select(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "platform" : slug[..Math.Min(slug.Length, 40)].Trim('-');
    }

    private static T Word<T>(IReadOnlyDictionary<string, T> words, string value, string flag, List<Diagnostic> errors, string code = ConfigErrorCodes.InvalidEnumValue)
        where T : struct
    {
        if (words.TryGetValue(value, out var result)) return result;
        errors.Add(Diagnostic.Error(code, $"{flag}: '{value}' is not one of {string.Join(", ", words.Keys)}{ClosestMatch.Hint(value, words.Keys)}"));
        return default;
    }

    private static void Option(TechnologyCatalogue catalogue, string category, string value, string flag, List<Diagnostic> errors)
    {
        var options = catalogue.Category(category)!.Options.Select(o => o.Id).ToList();
        if (!options.Contains(value))
            errors.Add(Diagnostic.Error(ConfigErrorCodes.UnknownOption, $"{flag}: unknown {category} option '{value}'{ClosestMatch.Hint(value, options)}; valid options: {string.Join(", ", options)}"));
    }

    /// <summary>
    /// The residency list for <paramref name="regions"/>: with one region under SOC 2 or HIPAA, the region backups are
    /// copied to for disaster recovery as well (A1.2, 164.308(a)(7)), so the starter synthesizes as written.
    /// </summary>
    private static IReadOnlyList<string> WithBackupCopyRegion(IReadOnlyList<string> regions, List<ComplianceFramework> frameworks)
    {
        if (regions.Count != 1 || !(frameworks.Contains(ComplianceFramework.Soc2) || frameworks.Contains(ComplianceFramework.Hipaa))) return regions;
        return BackupConfig.DefaultCopyRegion(regions[0], new DataResidencyConfig([], [])) is { } copy ? [.. regions, copy] : regions;
    }
}
