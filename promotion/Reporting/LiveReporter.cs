using System.Globalization;
using Spectre.Console;
using Toolkit.Promotion.Actuators;
using Toolkit.Promotion.Analysis;

namespace Toolkit.Promotion.Reporting;

/// <summary>
/// Live progress on a terminal (Spectre.Console): a table with a row per step, updated as weights
/// change and measurements come in. Use only when stdout is a terminal and CI is not set.
/// </summary>
public sealed class LiveReporter : IPromotionObserver
{
    private readonly Lock _gate = new();
    private readonly Table _table = new Table().Border(TableBorder.Rounded)
        .AddColumn("step").AddColumn("green %").AddColumn("metrics").AddColumn("verdict");
    private readonly Dictionary<int, SortedDictionary<string, string>> _metrics = [];
    private readonly Dictionary<int, int> _rows = [];
    private LiveDisplayContext? _context;
    private IReadOnlyList<int> _steps = [];

    /// <summary>Runs <paramref name="run"/> with a live table on <paramref name="console"/>.</summary>
    public static async Task<T> RunAsync<T>(IAnsiConsole console, Func<IPromotionObserver, Task<T>> run)
    {
        var reporter = new LiveReporter();
        var result = default(T)!;
        await console.Live(reporter._table).AutoClear(false).StartAsync(async context =>
        {
            reporter._context = context;
            result = await run(reporter);
        });
        return result;
    }

    /// <inheritdoc />
    public void Started(string stack, string target, IReadOnlyList<int> steps, int fromStep, bool resumed)
    {
        lock (_gate)
        {
            _steps = steps;
            _table.Title($"promote {Markup.Escape(stack)} ({Markup.Escape(target)}){(resumed ? $", resumed at step {fromStep + 1}" : "")}");
            Refresh();
        }
    }

    /// <inheritdoc />
    public void WeightsSet(int? step, TrafficSplit split)
    {
        lock (_gate)
        {
            if (step is { } s)
            {
                _rows[s] = _table.Rows.Count;
                _metrics[s] = new SortedDictionary<string, string>(StringComparer.Ordinal);
                _table.AddRow($"{s + 1}/{_steps.Count}", split.GreenPercent.ToString(CultureInfo.InvariantCulture), "[grey]analysing...[/]", "[yellow]baking[/]");
            }
            else
            {
                _table.AddRow("-", "0", Markup.Escape(split.ToString()), "[red]back to blue[/]");
            }
            Refresh();
        }
    }

    /// <inheritdoc />
    public void Measured(int step, MeasurementTaken m)
    {
        lock (_gate)
        {
            if (!_rows.TryGetValue(step, out var row)) return;
            var value = m.Measurement.Value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "-";
            var colour = m.Measurement.Phase == AnalysisPhase.Successful ? "green" : "red";
            _metrics[step][m.Metric.Name] = $"{Markup.Escape(m.Metric.Name)} [{colour}]{value}[/] ({m.Assessment.Measured}/{m.Metric.Count})";
            _table.UpdateCell(row, 2, new Markup(string.Join("  ", _metrics[step].Values)));
            Refresh();
        }
    }

    /// <inheritdoc />
    public void StepFinished(int step, StepReport report)
    {
        lock (_gate)
        {
            if (!_rows.TryGetValue(step, out var row)) return;
            var verdict = report.Phase == AnalysisPhase.Successful ? "[green]passed[/]" : $"[red]{report.Phase.ToString().ToLowerInvariant()}[/]";
            _table.UpdateCell(row, 3, new Markup(verdict));
            Refresh();
        }
    }

    /// <inheritdoc />
    public void Finished(PromotionReport report)
    {
        lock (_gate)
        {
            _table.Caption(Markup.Escape($"{report.Outcome.ToString().ToLowerInvariant()}: {report.Message}"));
            Refresh();
        }
    }

    private void Refresh() => _context?.Refresh();
}
