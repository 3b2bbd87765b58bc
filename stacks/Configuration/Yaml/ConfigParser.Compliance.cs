using YamlDotNet.RepresentationModel;

namespace Toolkit.Stacks.Configuration.Yaml;

internal sealed partial class ConfigParser
{
    public static readonly string[] ComplianceKeys = ["frameworks", "dataResidency", "encryption", "auditLog", "backupRetentionDays", "enforcement"];
    public static readonly string[] ResidencyKeys = ["allowedRegions", "prohibitedRegions"];
    public static readonly string[] EncryptionKeys = ["atRest", "inTransit", "customerManagedKeys", "minimumTlsVersion"];
    public static readonly string[] AuditLogKeys = ["enabled", "retentionDays"];
    public static readonly string[] TlsVersions = ["1.0", "1.1", "1.2", "1.3"];

    public static readonly IReadOnlyDictionary<string, ComplianceFramework> Frameworks = new Dictionary<string, ComplianceFramework>
    {
        ["soc2"] = ComplianceFramework.Soc2, ["hipaa"] = ComplianceFramework.Hipaa, ["gdpr"] = ComplianceFramework.Gdpr,
    };

    public static readonly IReadOnlyDictionary<string, Enforcement> Enforcements =
        new Dictionary<string, Enforcement> { ["mandatory"] = Enforcement.Mandatory, ["advisory"] = Enforcement.Advisory };

    private ComplianceConfig ReadCompliance(MappingReader top)
    {
        var defaults = new ComplianceConfig();
        var section = top.Mapping("compliance", ComplianceKeys);
        if (section is null) return defaults;

        var frameworks = section.List("frameworks", (node, path) =>
        {
            if (node is YamlScalarNode { Value: { } word } && Frameworks.TryGetValue(word, out var framework)) return (ComplianceFramework?)framework;
            var shown = (node as YamlScalarNode)?.Value ?? MappingReader.Kind(node);
            context.Error(ConfigErrorCodes.UnknownFramework,
                $"unknown compliance framework '{shown}'{ClosestMatch.Hint(shown, Frameworks.Keys)}; known frameworks: {string.Join(", ", Frameworks.Keys)}",
                node, path);
            return null;
        })?.Select(f => f!.Value).Distinct().ToList();

        var residency = section.Mapping("dataResidency", ResidencyKeys);
        var encryption = section.Mapping("encryption", EncryptionKeys);
        var audit = section.Mapping("auditLog", AuditLogKeys);
        var defaultEncryption = defaults.Encryption;
        var defaultAudit = defaults.AuditLog;
        return new ComplianceConfig
        {
            Frameworks = frameworks ?? [],
            DataResidency = residency is null ? defaults.DataResidency
                : new DataResidencyConfig(residency.Texts("allowedRegions") ?? [], residency.Texts("prohibitedRegions") ?? []),
            Encryption = encryption is null ? defaultEncryption : new EncryptionConfig(
                encryption.Boolean("atRest", defaultEncryption.AtRest),
                encryption.Boolean("inTransit", defaultEncryption.InTransit),
                encryption.Boolean("customerManagedKeys", defaultEncryption.CustomerManagedKeys),
                ReadTls(encryption, defaultEncryption.MinimumTlsVersion)),
            AuditLog = audit is null ? defaultAudit : new AuditLogConfig(
                audit.Boolean("enabled", defaultAudit.Enabled),
                audit.Integer("retentionDays", defaultAudit.RetentionDays, 1, 3653)),
            BackupRetentionDays = section.Integer("backupRetentionDays", defaults.BackupRetentionDays, 1, 35),
            Enforcement = ReadEnforcement(section),
        };
    }

    private string ReadTls(MappingReader encryption, string fallback)
    {
        var version = encryption.Text("minimumTlsVersion");
        if (version is null) return fallback;
        if (TlsVersions.Contains(version)) return version;
        context.Error(ConfigErrorCodes.InvalidEnumValue,
            $"'{encryption.ChildPath("minimumTlsVersion")}' must be one of {string.Join(", ", TlsVersions)} (quote it: \"1.2\"), not '{version}'",
            encryption.Get("minimumTlsVersion")!, encryption.ChildPath("minimumTlsVersion"));
        return fallback;
    }

    private Dictionary<ComplianceFramework, Enforcement> ReadEnforcement(MappingReader compliance)
    {
        var result = new Dictionary<ComplianceFramework, Enforcement>();
        var section = compliance.Mapping("enforcement", keys: null);
        if (section is null) return result;
        foreach (var (name, keyNode, value, path) in section.Entries())
        {
            if (!Frameworks.TryGetValue(name, out var framework))
            {
                context.Error(ConfigErrorCodes.UnknownFramework,
                    $"unknown compliance framework '{name}' in 'compliance.enforcement'{ClosestMatch.Hint(name, Frameworks.Keys)}; known frameworks: {string.Join(", ", Frameworks.Keys)}",
                    keyNode, path);
                continue;
            }
            if (value is YamlScalarNode { Value: { } word } && Enforcements.TryGetValue(word, out var enforcement)) result[framework] = enforcement;
            else context.Error(ConfigErrorCodes.InvalidEnumValue, $"'{path}' must be mandatory or advisory", value, path);
        }
        return result;
    }
}
