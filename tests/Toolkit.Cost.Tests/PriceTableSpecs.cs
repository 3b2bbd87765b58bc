using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Cost;

namespace Toolkit.Cost.Tests;

/// <summary>The price table: the built-in one carries a source and date for every figure; a malformed one is refused, located.</summary>
public sealed class PriceTableSpecs
{
    [Fact]
    public void The_built_in_table_has_a_unit_source_and_date_for_every_item()
    {
        var table = PriceTable.Embedded;
        Assert.NotEmpty(table.Items);
        Assert.All(table.Items, item =>
        {
            Assert.False(string.IsNullOrWhiteSpace(item.Unit), item.Id);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", item.AsOf);
            // A figure without a page says where it came from; an item without a figure says why.
            if (item.Source == "none") Assert.True(item.DerivedFrom is not null || item.Usd is null, $"{item.Id}: no source, no derivation");
            else Assert.StartsWith("https://", item.Source);
            if (item.Usd is null) Assert.False(string.IsNullOrWhiteSpace(item.Note), item.Id);
            if (item.DerivedFrom is { } from) Assert.Contains(table.Items, i => i.Id == from && i.Source != "none");
        });
    }

    [Fact]
    public void A_malformed_price_file_is_refused_with_every_error_located()
    {
        const string yaml = """
            version: 1
            hoursPerMonth: 730
            regions: [us-east-1]
            items:
              - id: aws.kms.key-month
                unit: key-month
                usd: cheap
                regions: [us-east-1]
                source: https://example.com
                asOf: 2026-12-01
              - id: aws.alb.hour
                unit: hour
                usd: 0.02
                regions: [us-east-1]
                source: somewhere
                asOf: yesterday
                colour: blue
            """;
        var e = Assert.Throws<DiagnosticException>(() => PriceTableReader.Parse(yaml, "my-prices.yaml"));
        var found = e.Diagnostics.Select(d => $"{d.Location!.Line}:{d.Location.Column} {d.Message}").ToList();
        Assert.Contains(found, f => f.StartsWith("7:10 ") && f.Contains("'items[0].usd' must be a number"));
        Assert.Contains(found, f => f.StartsWith("15:13 ") && f.Contains("must be the URL"));
        Assert.Contains(found, f => f.StartsWith("16:11 ") && f.Contains("YYYY-MM-DD"));
        Assert.Contains(found, f => f.StartsWith("17:5 ") && f.Contains("unknown key 'colour'"));
        Assert.All(e.Diagnostics, d => Assert.Equal("my-prices.yaml", d.Location!.File));
    }

    [Fact]
    public void An_unknown_region_in_the_price_file_is_a_located_error()
    {
        const string yaml = """
            version: 1
            hoursPerMonth: 730
            regions: [us-east-1, moon-west-1]
            items:
              - { id: aws.kms.key-month, unit: key-month, usd: 1, regions: [us-east-9], source: https://example.com, asOf: 2026-12-01 }
            """;
        var e = Assert.Throws<DiagnosticException>(() => PriceTableReader.Parse(yaml, "p.yaml"));
        Assert.All(e.Diagnostics, d => Assert.Equal(CostErrorCodes.UnknownRegion, d.Code));
        Assert.Contains(e.Diagnostics, d => d.Location!.Line == 3 && d.Location.Column == 22 && d.Message.Contains("'moon-west-1' is not an AWS region id"));
        Assert.Contains(e.Diagnostics, d => d.Location!.Line == 5 && d.Message.Contains("'us-east-9'") && d.Message.Contains("did you mean"));
    }

    [Fact]
    public void Bad_yaml_is_one_located_error()
    {
        var e = Assert.Throws<DiagnosticException>(() => PriceTableReader.Parse("version: 1\nitems: [\n", "p.yaml"));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(CostErrorCodes.MalformedPriceFile, d.Code);
        Assert.Equal("p.yaml", d.Location!.File);
    }
}
