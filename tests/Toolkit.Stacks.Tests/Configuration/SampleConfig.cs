namespace Toolkit.Stacks.Tests.Configuration;

/// <summary>A small valid config as text, and helpers to break it and find where the break is.</summary>
internal static class SampleConfig
{
    public const string Yaml = """
        version: 1
        project:
          name: Sample
          slug: sample
        technologies:
          compute: aws-ecs
          edge: cloudflare
          database: aws-aurora
          storage: s3
        architecture:
          tenancy: multi-tenant
          isolation: rls
        deployment:
          pattern: blue-green
          regions: [us-east-1]
          domain: sample.com
          blueGreen:
            steps: [1, 10, 50, 100]
            local:
              listen: "127.0.0.1:8080"
              blue: "127.0.0.1:8081"
              green: "127.0.0.1:8082"
        compliance:
          frameworks: [soc2]
        tenants:
          - id: alpha
            name: Alpha
            slug: alpha
            subdomain: alpha
          - id: beta
            name: Beta
            slug: beta
            subdomain: beta
        stacks:
          dev:
            instances: 1
          prod:
            regions: [us-east-1]
        """;

    /// <summary>The sample with <paramref name="find"/> replaced by <paramref name="replace"/> (which must occur).</summary>
    public static string With(string find, string replace)
    {
        Assert.Contains(find, Yaml);
        return Yaml.Replace(find, replace, StringComparison.Ordinal);
    }

    /// <summary>1-based line and column of the first <paramref name="marker"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Column) Position(string text, string marker, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(marker, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{marker}' not found");
        }
        var line = text[..index].Count(c => c == '\n') + 1;
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        var column = index - lineStart + 1;
        return (line, column);
    }
}
