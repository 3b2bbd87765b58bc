using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Stacks.Tests.Configuration;

public class BadInputSpecs
{
    /// <summary>Each case: what to change in the sample, the code expected, and the text the error must point at.</summary>
    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        { "malformed YAML", "  slug: sample\n", "  slug: [sample\n", ConfigErrorCodes.MalformedYaml, "[sample" },
        { "malformed YAML (bad indentation)", "  isolation: rls\n", "  isolation: rls\n bad: 1\n", ConfigErrorCodes.MalformedYaml, "bad: 1" },
        { "unknown key", "    instances: 1", "    instanses: 1", ConfigErrorCodes.UnknownKey, "instanses" },
        { "unknown top-level key", "compliance:\n", "complaince:\n", ConfigErrorCodes.UnknownKey, "complaince" },
        { "unknown technology category", "  storage: s3", "  storrage: s3", ConfigErrorCodes.UnknownKey, "storrage" },
        { "unknown option", "  database: aws-aurora", "  database: mysql", ConfigErrorCodes.UnknownOption, "mysql" },
        { "invalid region", "regions: [us-east-1]\n  domain", "regions: [us-east-1, mars-west-1]\n  domain", ConfigErrorCodes.InvalidRegion, "mars-west-1" },
        { "invalid stack region", "    regions: [us-east-1]", "    regions: [us-esat-1]", ConfigErrorCodes.InvalidRegion, "us-esat-1" },
        { "slug not DNS-safe", "    slug: beta", "    slug: Beta_Corp", ConfigErrorCodes.NotDnsSafe, "Beta_Corp" },
        { "subdomain not DNS-safe", "    subdomain: alpha", "    subdomain: -alpha", ConfigErrorCodes.NotDnsSafe, "-alpha" },
        { "domain not a DNS name", "  domain: sample.com", "  domain: sample..com", ConfigErrorCodes.NotDnsSafe, "sample..com" },
        { "duplicate tenant id", "  - id: beta", "  - id: alpha", ConfigErrorCodes.DuplicateTenant, "alpha\n    name: Beta" },
        { "duplicate tenant slug", "    slug: beta", "    slug: alpha", ConfigErrorCodes.DuplicateTenant, "alpha\n    subdomain: beta" },
        { "duplicate tenant subdomain", "    subdomain: beta", "    subdomain: alpha", ConfigErrorCodes.DuplicateTenant, "alpha\nstacks" },
        { "isolation for single-tenant", "  tenancy: multi-tenant", "  tenancy: single-tenant", ConfigErrorCodes.IsolationForSingleTenant, "rls" },
        { "multi-tenant without isolation", "  isolation: rls\n", "", ConfigErrorCodes.IsolationMissing, "multi-tenant" },
        { "steps not increasing", "[1, 10, 50, 100]", "[1, 50, 10, 100]", ConfigErrorCodes.InvalidBlueGreenSteps, "10, 100]" },
        { "last step not a number", "[1, 10, 50, 100]", "[1, 10, 50, full]", ConfigErrorCodes.InvalidBlueGreenSteps, "full" },
        { "tenant not a mapping", "  - id: alpha\n    name: Alpha\n    slug: alpha\n    subdomain: alpha\n", "  - alpha\n", ConfigErrorCodes.InvalidValue, "alpha" },
        { "steps not ending at 100", "[1, 10, 50, 100]", "[1, 10, 50]", ConfigErrorCodes.InvalidBlueGreenSteps, "50]" },
        { "step not a number", "[1, 10, 50, 100]", "[1, ten, 100]", ConfigErrorCodes.InvalidBlueGreenSteps, "ten, 100" },
        { "unknown framework", "frameworks: [soc2]", "frameworks: [soc2, pci]", ConfigErrorCodes.UnknownFramework, "pci" },
        { "unknown pattern", "pattern: blue-green", "pattern: canary", ConfigErrorCodes.InvalidEnumValue, "canary" },
        { "kubernetes without a cluster", "  compute: aws-ecs", "  compute: kubernetes", ConfigErrorCodes.MissingKubernetesCluster, "us-east-1]\n  domain" },
        { "duplicate key", "  name: Sample\n", "  name: Sample\n  name: Other\n", ConfigErrorCodes.DuplicateKey, "name: Other" },
        { "wrong kind of value", "    instances: 1", "    instances: [1]", ConfigErrorCodes.InvalidValue, "[1]" },
        { "number out of range", "    instances: 1", "    instances: 0", ConfigErrorCodes.InvalidValue, "0\n" },
        { "missing required key", "  domain: sample.com\n", "", ConfigErrorCodes.MissingKey, "pattern: blue-green" },
        { "empty required value", "  name: Sample", "  name: \"\"", ConfigErrorCodes.MissingKey, "\"\"" },
        { "regions not a list", "regions: [us-east-1]\n  domain", "regions: us-east-1\n  domain", ConfigErrorCodes.InvalidValue, "us-east-1\n  domain" },
        { "regions empty", "regions: [us-east-1]\n  domain", "regions: []\n  domain", ConfigErrorCodes.MissingKey, "[]" },
        { "unsupported version", "version: 1", "version: 2", ConfigErrorCodes.UnsupportedVersion, "2" },
        { "bad local address", "listen: \"127.0.0.1:8080\"", "listen: \"127.0.0.1\"", ConfigErrorCodes.InvalidAddress, "\"127.0.0.1\"" },
        { "duplicate region", "regions: [us-east-1]\n  domain", "regions: [us-east-1, us-east-1]\n  domain", ConfigErrorCodes.DuplicateRegion, "us-east-1]\n  domain" },
        { "stack name not DNS-safe", "  dev:\n", "  Dev_Stack:\n", ConfigErrorCodes.NotDnsSafe, "instances: 1" },
        { "backup copy region not a region", "stacks:\n", "backups:\n  copyRegion: us-esat-2\nstacks:\n", ConfigErrorCodes.InvalidRegion, "us-esat-2" },
        { "backup copy region is the primary", "stacks:\n", "backups:\n  copyRegion: us-east-1\nstacks:\n", ConfigErrorCodes.InvalidValue, "us-east-1\nstacks" },
        { "backup copy region outside the residency", "  frameworks: [soc2]\n", "  frameworks: [soc2]\n  dataResidency:\n    prohibitedRegions: [eu-west-1]\nbackups:\n  copyRegion: eu-west-1\n", ConfigErrorCodes.InvalidValue, "eu-west-1\ntenants" },
        { "backup schedule not cron", "stacks:\n", "backups:\n  schedule: daily\nstacks:\n", ConfigErrorCodes.InvalidValue, "daily" },
        { "backup retention out of range", "stacks:\n", "backups:\n  retentionDays: 0\nstacks:\n", ConfigErrorCodes.InvalidValue, "0\nstacks" },
        { "alarm threshold out of range", "stacks:\n", "monitoring:\n  alarms:\n    databaseCpuPercent: 150\nstacks:\n", ConfigErrorCodes.InvalidValue, "150" },
        { "alarm error rate above one", "stacks:\n", "monitoring:\n  alarms:\n    errorRate: 2\nstacks:\n", ConfigErrorCodes.InvalidValue, "2\nstacks" },
        { "unknown alarm", "stacks:\n", "monitoring:\n  alarms:\n    cpu: 90\nstacks:\n", ConfigErrorCodes.UnknownKey, "cpu" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void I_can_see_each_bad_input_as_one_located_error_with_its_code(string what, string find, string replace, string code, string at)
    {
        var text = SampleConfig.With(find, replace);

        var error = Assert.Throws<DiagnosticException>(() => ConfigLoader.Parse(text, "bad.yaml")).Diagnostics.Single();

        var (line, column) = SampleConfig.Position(text, at);
        Assert.True(error.Code == code, $"{what}: expected {code}, got {error}");
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(new SourceLocation("bad.yaml", line, column), error.Location);
        Assert.StartsWith($"bad.yaml:{line}:{column}: error {code}: ", error.ToString());
        if (code == ConfigErrorCodes.DuplicateKey) Assert.Equal("key 'name' appears twice in the same mapping; keep one", error.Message);
    }

    [Fact]
    public void I_can_see_every_error_of_a_file_at_once_in_file_order()
    {
        var text = SampleConfig.Yaml
            .Replace("  database: aws-aurora", "  database: mysql", StringComparison.Ordinal)
            .Replace("    slug: beta", "    slug: Beta!", StringComparison.Ordinal)
            .Replace("regions: [us-east-1]\n  domain", "regions: [us-east-7]\n  domain", StringComparison.Ordinal)
            .Replace("  tenancy: multi-tenant", "  tennancy: multi-tenant", StringComparison.Ordinal);

        var errors = Assert.Throws<DiagnosticException>(() => ConfigLoader.Parse(text, "bad.yaml")).Diagnostics;

        // tennancy is unknown, so tenancy is missing too: five findings, sorted by line.
        Assert.Equal([ConfigErrorCodes.UnknownOption, ConfigErrorCodes.UnknownKey, ConfigErrorCodes.MissingKey, ConfigErrorCodes.InvalidRegion, ConfigErrorCodes.NotDnsSafe],
            errors.Select(e => e.Code));
        Assert.Equal(errors.OrderBy(e => e.Location!.Line).Select(e => e.Location), errors.Select(e => e.Location));
    }

    [Fact]
    public void I_can_trust_the_location_of_a_later_tenant_when_an_earlier_one_is_broken()
    {
        var text = SampleConfig.With("  - id: alpha\n    name: Alpha\n    slug: alpha\n    subdomain: alpha\n", "  - alpha\n")
            .Replace("    slug: beta", "    slug: Beta!", StringComparison.Ordinal);

        var errors = Assert.Throws<DiagnosticException>(() => ConfigLoader.Parse(text, "bad.yaml")).Diagnostics;

        Assert.Equal([ConfigErrorCodes.InvalidValue, ConfigErrorCodes.NotDnsSafe], errors.Select(e => e.Code));
        var (line, column) = SampleConfig.Position(text, "Beta!");
        Assert.Equal(new SourceLocation("bad.yaml", line, column), errors[1].Location);
        Assert.Contains("'tenants[1].slug'", errors[1].Message);
    }

    [Fact]
    public void I_can_read_which_options_exist_when_I_name_one_that_does_not()
    {
        var text = SampleConfig.With("  database: aws-aurora", "  database: mysql");

        var error = Assert.Throws<DiagnosticException>(() => ConfigLoader.Parse(text, "bad.yaml")).Diagnostics.Single();

        Assert.Equal("unknown database option 'mysql'; valid options: aws-aurora, neon, supabase, cockroachdb", error.Message);
    }

    [Fact]
    public void I_can_read_the_closest_known_key_when_I_misspell_one()
    {
        var text = SampleConfig.With("  regions: [us-east-1]\n  domain", "  region: [us-east-1]\n  regions: [us-east-1]\n  domain");

        var error = Assert.Throws<DiagnosticException>(() => ConfigLoader.Parse(text, "bad.yaml")).Diagnostics.Single();

        Assert.Equal(ConfigErrorCodes.UnknownKey, error.Code);
        Assert.Contains("unknown key 'region' in 'deployment' (did you mean 'regions'?)", error.Message);
    }

    [Fact]
    public void I_can_see_a_missing_file_reported_with_its_path()
    {
        var error = Assert.Throws<DiagnosticException>(() => ConfigLoader.Load("/nonexistent/toolkit.yaml")).Diagnostics.Single();

        Assert.Equal(ConfigErrorCodes.FileNotReadable, error.Code);
        Assert.Equal("/nonexistent/toolkit.yaml:1:1: error TK1019: cannot read config '/nonexistent/toolkit.yaml': no such file", error.ToString());
    }
}
