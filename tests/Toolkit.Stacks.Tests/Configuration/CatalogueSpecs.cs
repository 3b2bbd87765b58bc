using Toolkit.Stacks.Catalogue;

namespace Toolkit.Stacks.Tests.Configuration;

public class CatalogueSpecs
{
    [Fact]
    public void I_can_choose_from_every_category_and_option_the_platform_needs()
    {
        var catalogue = TechnologyCatalogue.Default;
        var expected = new Dictionary<string, string[]>
        {
            ["compute"] = ["aws-ecs", "kubernetes"],
            ["edge"] = ["cloudflare", "aws"],
            ["database"] = ["aws-aurora", "neon", "supabase", "cockroachdb"],
            ["storage"] = ["s3", "r2"],
            ["ai"] = ["openai", "anthropic"],
            ["auth"] = ["supabase-auth"],
            ["cache"] = ["redis"],
            ["email"] = ["aws-ses"],
            ["secrets"] = ["aws-secrets-manager"],
            ["errorTracking"] = ["sentry"],
        };

        foreach (var (category, options) in expected)
            Assert.Superset(options.ToHashSet(), catalogue.Category(category)!.Options.Select(o => o.Id).ToHashSet());
    }

    [Fact]
    public void I_can_read_guidance_pricing_complexity_and_docs_for_every_option()
    {
        var options = TechnologyCatalogue.Default.AllOptions.ToList();

        Assert.All(options, o =>
        {
            Assert.False(string.IsNullOrWhiteSpace(o.Label));
            Assert.True(o.UseWhen.Length > 20, $"{o.Id}: use-when guidance too short");
            Assert.StartsWith("https://", o.DocumentationUrl);
        });
        Assert.Equal(options.Count, options.Select(o => o.Id).Distinct().Count());
        Assert.All(TechnologyCatalogue.Default.Categories, c => Assert.True(c.Default == TechnologyCatalogue.None || c.Find(c.Default) is not null, c.Id));
    }

    [Fact]
    public void I_can_name_real_aws_regions_and_not_made_up_ones()
    {
        var catalogue = TechnologyCatalogue.Default;

        Assert.NotNull(catalogue.Region("us-east-1"));
        Assert.NotNull(catalogue.Region("ap-southeast-2"));
        Assert.True(catalogue.Region("eu-central-1")!.GdprAdequate);
        Assert.False(catalogue.Region("us-east-1")!.GdprAdequate);
        Assert.Null(catalogue.Region("us-east-7"));
        Assert.Null(catalogue.Region("US-EAST-1"));
    }
}
