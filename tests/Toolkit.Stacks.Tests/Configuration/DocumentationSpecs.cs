using System.Reflection;
using Toolkit.Stacks.Catalogue;
using Toolkit.Stacks.Configuration;
using Toolkit.Stacks.Rules;
using Toolkit.Testing;

namespace Toolkit.Stacks.Tests.Configuration;

public class DocumentationSpecs
{
    private static readonly string Docs = File.ReadAllText(RepositoryRoot.Combine("docs", "configuration.md"));

    [Fact]
    public void I_can_look_up_every_error_code_in_the_configuration_docs()
    {
        var codes = typeof(ConfigErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();

        Assert.True(codes.Count >= 20);
        Assert.All(codes, code => Assert.Contains($"| {code} |", Docs));
        Assert.All(RuleSet.Default.Rules, rule => Assert.Contains($"| {rule.Code} | `{rule.Id}` |", Docs));
    }

    [Fact]
    public void I_can_look_up_every_key_option_and_region_in_the_configuration_docs()
    {
        // The parser's key lists are the schema; each key must be documented.
        var parser = typeof(ConfigLoader).Assembly.GetType("Toolkit.Stacks.Configuration.Yaml.ConfigParser", throwOnError: true)!;
        var keys = parser.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(string[]) && f.Name.EndsWith("Keys", StringComparison.Ordinal))
            .SelectMany(f => (string[])f.GetValue(null)!).Distinct().ToList();

        Assert.True(keys.Count > 40, $"{keys.Count} keys");
        Assert.All(keys, key => Assert.Matches($"`([a-zA-Z.<>\\[\\]]*\\.)?{key}`", Docs));
        Assert.All(TechnologyCatalogue.Default.AllOptions, option => Assert.Contains($"| `{option.Id}` |", Docs));
        Assert.All(TechnologyCatalogue.Default.Regions, region => Assert.Contains($"| `{region.Id}` |", Docs));
    }
}
