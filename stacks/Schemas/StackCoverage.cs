using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Platforms;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Stacks.Schemas;

/// <summary>
/// Every resource type the stack definitions can emit, found by defining every combination with each
/// option that adds resources (r2 storage, an external database, compliance on and off). The embedded schema
/// subset is cut to exactly these.
/// </summary>
public static class StackCoverage
{
    /// <summary>The resource type tokens by package, sorted.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ResourceTypes()
    {
        var noCompliance = new ComplianceConfig
        {
            Encryption = new EncryptionConfig(AtRest: false, CustomerManagedKeys: false),
            AuditLog = new AuditLogConfig(false, 30),
        };
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var combo in Combination.All)
            foreach (var config in new[]
            {
                combo.SampleConfig(),
                combo.SampleConfig(storage: "r2", database: "neon"),
                combo.SampleConfig(compliance: noCompliance),
            })
            {
                var program = PlatformStack.Define(SynthesisContext.For(config, config.Stacks[0])).Program;
                foreach (var r in program.Resources) tokens.Add(r.Type);
            }
        return tokens
            .GroupBy(t => t.StartsWith("pulumi:providers:", StringComparison.Ordinal) ? t["pulumi:providers:".Length..] : t[..t.IndexOf(':')])
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Where(t => !t.StartsWith("pulumi:", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList());
    }
}
