using System.Globalization;
using System.Xml.Linq;
using Toolkit.Promotion.Analysis;

namespace Toolkit.Promotion.Reporting;

/// <summary>
/// The report as JUnit XML, so CI systems show a failed promotion as a failed test: one test suite per
/// promotion, one test case per metric per analysed step (failure elements carry the value and condition),
/// and steps never reached as skipped cases.
/// </summary>
public static class JUnitReport
{
    /// <summary>The JUnit XML text.</summary>
    public static string Write(PromotionReport report)
    {
        var cases = new List<XElement>();
        foreach (var step in report.StepsAnalysed)
            foreach (var metric in step.Metrics)
            {
                var testCase = new XElement("testcase",
                    new XAttribute("classname", $"promotion.{report.Stack}"),
                    new XAttribute("name", $"step {step.Step} ({step.GreenPercent} % green): {metric.Name}"));
                if (metric.Phase is not AnalysisPhase.Successful)
                    testCase.Add(new XElement(metric.Phase is AnalysisPhase.Error ? "error" : "failure",
                        new XAttribute("message", $"{metric.Name} {metric.Phase.ToString().ToLowerInvariant()}: value {Number(metric.WorstValue)}, condition {metric.Condition}"),
                        $"{metric.Failed} failed, {metric.Inconclusive} inconclusive, {metric.Errors} errors in {metric.Measured} measurements{(metric.Message is null ? "" : "; " + metric.Message)}" +
                        string.Concat(metric.Samples.Select(sample => "\n" + sample))));
                cases.Add(testCase);
            }
        var reached = report.StepsAnalysed.Select(s => s.Step).DefaultIfEmpty(0).Max();
        for (var i = Math.Max(reached, (report.ResumedAtStep ?? 1) - 1); i < report.Steps.Count; i++)
            if (report.StepsAnalysed.All(s => s.Step != i + 1))
                cases.Add(new XElement("testcase",
                    new XAttribute("classname", $"promotion.{report.Stack}"),
                    new XAttribute("name", $"step {i + 1} ({report.Steps[i]} % green)"),
                    new XElement("skipped", new XAttribute("message", $"not reached: {report.Outcome.ToString().ToLowerInvariant()}"))));

        var failures = cases.Count(c => c.Element("failure") is not null);
        var errors = cases.Count(c => c.Element("error") is not null);
        var skipped = cases.Count(c => c.Element("skipped") is not null);
        var suite = new XElement("testsuite",
            new XAttribute("name", $"promote {report.Stack}"),
            new XAttribute("tests", cases.Count), new XAttribute("failures", failures),
            new XAttribute("errors", errors), new XAttribute("skipped", skipped),
            new XElement("properties",
                new XElement("property", new XAttribute("name", "outcome"), new XAttribute("value", report.Outcome.ToString().ToLowerInvariant())),
                new XElement("property", new XAttribute("name", "message"), new XAttribute("value", report.Message))),
            cases);
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", suite));
        return document.Declaration + "\n" + document.Root!.ToString().Replace("\r\n", "\n") + "\n";
    }

    private static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "none";
}
