using Toolkit.Migrations.Configuring;

namespace Toolkit.Migrations.Tests;

public class ConfigSpecs
{
    private const string Yaml = """
        version: "1"
        # the platform
        technologies:   # what we run on
          compute: aws-ecs
          storage: s3    # object storage, keep this comment
          database: "neon"
          nested:
            storage: not-this-one
        deployment:
          storage: not-this-either
        """;

    [Fact]
    public void I_can_change_one_technology_in_toolkit_yaml_keeping_comments_and_layout()
    {
        var changed = ToolkitYamlTechnology.Write(Yaml, "storage", "r2")!;
        Assert.Equal(Yaml.Replace("storage: s3    #", "storage: r2    #"), changed);
        Assert.Equal(("r2", 5), ToolkitYamlTechnology.Read(changed, "storage"));
        Assert.Equal(Yaml.Replace("\"neon\"", "\"supabase\""), ToolkitYamlTechnology.Write(Yaml, "database", "supabase"));
        Assert.Null(ToolkitYamlTechnology.Write(Yaml, "search", "x"));
    }
}
