using System.Text.RegularExpressions;
using Toolkit.Compliance.Reports;
using Toolkit.Compliance.Tests.Fixtures;
using Toolkit.Testing;

namespace Toolkit.Compliance.Tests;

public class HtmlReportSpecs
{
    [Fact(Timeout = 120_000)]
    public async Task I_can_open_the_html_report_in_headless_chromium_and_see_the_controls_table_with_evidence_links()
    {
        using var temp = new TempDirectory("toolkit-html");
        var report = Samples.Report(y => y.Replace("enableKeyRotation: true", "enableKeyRotation: false"));
        var page = temp.Write("compliance.html", ReportRenderer.Render(report, ReportFormat.Html));

        var dom = await HeadlessChromium.DomAsync(new Uri(page));

        Assert.Contains("<table class=\"controls\" id=\"controls-hipaa\">", dom);
        var hipaaRow = Regex.Match(dom, "<tr class=\"fail\"><td><a href=\"#control-hipaa-164-312-a-2-iv\">164.312\\(a\\)\\(2\\)\\(iv\\)</a></td>.*?</tr>").Value;
        Assert.Contains("FAIL", hipaaRow);
        Assert.Contains("href=\"#resource-datakey\"", hipaaRow);
        Assert.Contains("id=\"resource-datakey\"", dom); // every evidence link has its anchor
        foreach (Match link in Regex.Matches(dom, "href=\"#([^\"]+)\""))
            Assert.Contains($"id=\"{link.Groups[1].Value}\"", dom);
        Assert.Contains("<dd id=\"toolkit-version\">0.1.0</dd>", dom);
        Assert.Contains("3f1c0ffee0ddba11", dom);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", dom); // self-contained: no external assets
    }

    [Fact(Timeout = 120_000)]
    public async Task I_can_screenshot_the_html_report_in_headless_chromium()
    {
        using var temp = new TempDirectory("toolkit-html");
        var page = temp.Write("compliance.html", ReportRenderer.Render(Samples.Report(), ReportFormat.Html));
        var png = temp.Combine("compliance.png");

        await HeadlessChromium.ScreenshotAsync(new Uri(page), png);

        var bytes = await File.ReadAllBytesAsync(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Equal(1280, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.True(bytes.Length > 20_000, "a rendered page, not a blank one");
    }
}
