using System.Globalization;
using Plotly.NET;
using StockAgent.Statistics;
using static StockAgent.Reporting.BenchmarkChartsParts;
using MonthlyGrid = StockAgent.Statistics.MonthlyReturns;

namespace StockAgent.Reporting;

/// <summary>
/// The benchmark report's Plotly charts (the HTML page and notebook 04 show the same ones), from plain inputs. The
/// return charts take <see cref="ReturnTrace"/>s and draw the one marked <see cref="ReturnTrace.IsBenchmark"/> dashed in
/// dark grey, named in the title; the others get the palette in order. The pipeline charts (milestones, coverage,
/// training curves) are in BenchmarkCharts.Pipeline.cs. Every chart has a title and axis titles; bad input is an
/// <see cref="ArgumentException"/> naming the parameter and the trace.
/// </summary>
public static partial class BenchmarkCharts
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Red for losses, white at 0 (the colour axis' cmid), green for gains.</summary>
    private static readonly object[][] Diverging = [[0.0, "#b2182b"], [0.5, "#f7f7f7"], [1.0, "#1b7837"]];

    private sealed record Styled(ReturnTrace Trace, string Line, string Fill, bool Dashed);

    /// <summary>Growth of 1 (<see cref="ReturnPaths.Growth"/>) of every trace, one line each, from 1 on the weekday
    /// before its first return (<see cref="ReturnPaths.StartDate"/>); buttons "linear" and "log" switch the y axis'
    /// type (Plotly updatemenus, method relayout, yaxis.type).</summary>
    public static GenericChart EquityCurves(IReadOnlyList<ReturnTrace> traces)
    {
        var series = Checked(traces, nameof(traces));
        var lines = series.Select(s => Line(PathDates(s.Trace), ReturnPaths.Growth(s.Trace.Returns), s.Trace.Name, s.Line, s.Dashed));
        return Plotly.NET.CSharp.Chart.Combine(lines).WithTitle(Titled("Growth of 1", Against(series))).WithXTitle("date").WithYTitle("growth of 1")
            .WithLegendBelow().WithLayoutProperty("updatemenus", new object[] { AxisTypeButtons() });
    }

    /// <summary>Underwater drawdown of every trace's growth of 1 (<see cref="ReturnPaths.Drawdown"/>), in percent, each
    /// filled to 0 (fill tozeroy), on the dates of <see cref="EquityCurves"/>.</summary>
    public static GenericChart Underwater(IReadOnlyList<ReturnTrace> traces)
    {
        var series = Checked(traces, nameof(traces));
        var areas = series.Select(s => Line(PathDates(s.Trace), ReturnPaths.Drawdown(ReturnPaths.Growth(s.Trace.Returns)).Select(d => 100 * d), s.Trace.Name, s.Line, s.Dashed)
            .WithTraceProperty("fill", "tozeroy").WithTraceProperty("fillcolor", s.Fill));
        return Plotly.NET.CSharp.Chart.Combine(areas).WithTitle(Titled("Underwater: drawdown from the running peak (%)", Against(series)))
            .WithXTitle("date").WithYTitle("drawdown (%)").WithLegendBelow();
    }

    /// <summary>Rolling Sharpe ratio over <paramref name="window"/> returns (<see cref="ReturnPaths.RollingSharpe"/>) of
    /// every trace, drawn from its window-th return on (gaps where the window's sd is 0). A trace with fewer returns than
    /// the window keeps an empty line in the legend and the title names it and its length.</summary>
    public static GenericChart RollingSharpe(IReadOnlyList<ReturnTrace> traces, int window = ReturnPaths.DefaultWindow)
    {
        if (window < 2) throw new ArgumentOutOfRangeException(nameof(window), window, "window must hold at least 2 returns.");
        var series = Checked(traces, nameof(traces));
        var lines = series.Select(s =>
        {
            var t = s.Trace;
            return t.Returns.Length < window
                ? Line(Array.Empty<string>(), [], $"{t.Name} (fewer than {window} returns)", s.Line, s.Dashed)
                : Line(t.Dates[(window - 1)..].Select(Day), ReturnPaths.RollingSharpe(t.Returns, window)[(window - 1)..], t.Name, s.Line, s.Dashed);
        });
        var tooShort = series.Where(s => s.Trace.Returns.Length < window).Select(s => $"{s.Trace.Name} ({s.Trace.Returns.Length} returns)").ToList();
        string note = string.Join("; ", new[] { Against(series), tooShort.Count > 0 ? $"not drawn, shorter than the {window}-day window: {string.Join(", ", tooShort)}" : "" }
            .Where(n => n.Length > 0));
        return Plotly.NET.CSharp.Chart.Combine(lines).WithTitle(Titled($"Rolling {window}-day Sharpe ratio (annualised)", note)).WithXTitle("date")
            .WithYTitle($"Sharpe ratio ({window}-day window, annualised)").WithLegendBelow();
    }

    /// <summary>Heatmap of <paramref name="trace"/>'s calendar-month returns (<see cref="MonthlyGrid"/>), years down and
    /// January..December across, in percent with each value written on its cell (one decimal; empty cells for months
    /// without data), on a diverging red-white-green colour axis centred on 0 (cmid). With a
    /// <paramref name="benchmark"/>, its heatmap is drawn below on the same colour axis.</summary>
    public static GenericChart MonthlyReturns(ReturnTrace trace, ReturnTrace? benchmark = null)
    {
        var panels = Panels(trace, benchmark);
        var heatmaps = panels.Select(MonthlyHeatmap).ToList();
        var chart = heatmaps.Count == 1
            ? heatmaps[0]
            : Plotly.NET.CSharp.Chart.Grid(heatmaps, heatmaps.Count, 1, SubPlotTitles: panels.Select(p => PanelName(p)).ToArray(), Pattern: StyleParam.LayoutGridPattern.Coupled, YGap: 0.25);
        var colourAxis = new Dictionary<string, object>
        {
            ["colorscale"] = Diverging, ["cmid"] = 0.0, ["colorbar"] = new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = "%" } },
        };
        string note = benchmark is null ? "" : $"against {benchmark.Name} (benchmark, below) on the same colour scale";
        return chart.WithLayoutProperty("coloraxis", colourAxis).WithTitle(Titled($"Monthly returns of {trace.Name} (%)", note)).WithXTitle("month");
    }

    /// <summary>Histogram of <paramref name="trace"/>'s daily returns in percent, normalised to a density (Plotly
    /// histnorm "probability density": count / (n x bin width)) on <paramref name="bins"/> equal bins from the smallest
    /// to the largest return, with the normal density of the same mean and sample sd
    /// (<see cref="ReturnPaths.NormalDensity"/>) as a line at 200 points over that range. With a
    /// <paramref name="benchmark"/>, its histogram (on the same bins) and normal are overlaid, dashed.</summary>
    public static GenericChart ReturnDistribution(ReturnTrace trace, ReturnTrace? benchmark = null, int bins = 50)
    {
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), bins, "bins must be at least 1.");
        var panels = Panels(trace, benchmark);
        var percent = panels.Select(p => p.Returns.Select(r => 100 * r).ToArray()).ToList();
        double lo = percent.Min(x => x.Min()), hi = percent.Max(x => x.Max());
        double size = hi > lo ? (hi - lo) / bins : 1;
        // The end lies half a bin past the largest return so that Plotly's last bin surely holds it.
        var xbins = new Dictionary<string, object> { ["start"] = lo, ["end"] = hi + size / 2, ["size"] = size };
        var grid = Enumerable.Range(0, 200).Select(i => lo + (hi - lo) * i / 199.0).ToArray();
        var traces = new List<GenericChart>();
        for (int i = 0; i < panels.Count; i++)
        {
            var p = panels[i];
            var (line, fill) = p.IsBenchmark ? (BenchmarkColour, "rgba(68, 68, 68, 0.35)") : Colour(0, 0.6);
            traces.Add(Plotly.NET.CSharp.Chart.Histogram<double, double, string>(X: percent[i], Name: PanelName(p), HistNorm: StyleParam.HistNorm.ProbabilityDensity,
                MarkerColor: Color.fromString(fill)).WithTraceProperty("xbins", xbins));
            double sd = MetricsCalculator.StdDev(percent[i], out double mean);
            traces.Add(Line(grid, ReturnPaths.NormalDensity(percent[i], grid),
                string.Create(CultureInfo.InvariantCulture, $"normal fit of {p.Name} (mean {mean:F3}%, sd {sd:F3}%)"), line, dashed: p.IsBenchmark));
        }
        string note = "histogram as a density, against the normal of the same mean and sd" + (benchmark is null ? "" : $"; {benchmark.Name} (benchmark) overlaid");
        return Plotly.NET.CSharp.Chart.Combine(traces).WithLayoutProperty("barmode", "overlay").WithTitle(Titled($"Daily returns of {trace.Name}", note))
            .WithXTitle("daily return (%)").WithYTitle("density (per percentage point)").WithLegendBelow();
    }

    /// <summary>The bootstrap distributions of the annualised Sharpe ratio with their 95% intervals, through
    /// <see cref="ValidationCharts.Distribution"/> (grouped columns of counts on shared bins).</summary>
    public static GenericChart BootstrapSharpe(IReadOnlyList<(string Name, double[] Draws, ConfidenceInterval Interval)> series, int bins = 40) =>
        ValidationCharts.Distribution("Bootstrap distribution of the annualised Sharpe ratio (dashed: 95% interval)", "annualised Sharpe ratio", series, bins)
            .WithYTitle("resamples").WithLegendBelow();

    /// <summary>The Monte Carlo (bootstrapped equity path) distributions of the maximum drawdown with their 95%
    /// intervals, draws and bounds given as fractions and drawn in percent, through
    /// <see cref="ValidationCharts.Distribution"/>.</summary>
    public static GenericChart MonteCarloDrawdown(IReadOnlyList<(string Name, double[] Draws, ConfidenceInterval Interval)> series, int bins = 40)
    {
        ArgumentNullException.ThrowIfNull(series);
        var percent = series.Select(s => (s.Name, s.Draws.Select(d => 100 * d).ToArray(), new ConfidenceInterval(100 * s.Interval.Low, 100 * s.Interval.High))).ToList();
        return ValidationCharts.Distribution("Monte Carlo distribution of the maximum drawdown (dashed: 95% interval)", "maximum drawdown (%)", percent, bins)
            .WithYTitle("paths").WithLegendBelow();
    }

    private static List<Styled> Checked(IReadOnlyList<ReturnTrace> traces, string parameter)
    {
        ArgumentNullException.ThrowIfNull(traces, parameter);
        if (traces.Count == 0) throw new ArgumentException("there are no return traces to draw.", parameter);
        foreach (var t in traces)
        {
            if (t is null) throw new ArgumentException("a return trace is null.", parameter);
            t.Validate();
        }
        var twice = traces.GroupBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new ArgumentException($"two return traces are named '{twice.Key}': the legend could not tell them apart.", parameter);
        var benchmarks = traces.Where(t => t.IsBenchmark).Select(t => t.Name).ToList();
        if (benchmarks.Count > 1) throw new ArgumentException($"only one trace can be the benchmark, not {string.Join(" and ", benchmarks)}.", parameter);
        int k = 0;
        return traces.Select(t =>
        {
            var (line, fill) = t.IsBenchmark ? (BenchmarkColour, "rgba(68, 68, 68, 0.12)") : Colour(k++);
            return new Styled(t, line, fill, t.IsBenchmark);
        }).ToList();
    }

    private static List<ReturnTrace> Panels(ReturnTrace trace, ReturnTrace? benchmark)
    {
        ArgumentNullException.ThrowIfNull(trace);
        trace.Validate();
        if (benchmark is null) return [trace];
        benchmark.Validate();
        if (benchmark.Name == trace.Name) throw new ArgumentException($"the benchmark has the trace's name '{trace.Name}'.", nameof(benchmark));
        return [trace, benchmark with { IsBenchmark = true }];
    }

    private static string PanelName(ReturnTrace t) => t.IsBenchmark ? $"{t.Name} (benchmark)" : t.Name;

    private static string Against(IEnumerable<Styled> series) =>
        series.FirstOrDefault(s => s.Trace.IsBenchmark) is { } b ? $"against {b.Trace.Name} (benchmark, dashed)" : "";

    /// <summary>The dates of a growth path: the start date of E_0, then one per return.</summary>
    private static string[] PathDates(ReturnTrace t) => [Day(ReturnPaths.StartDate(t.Dates[0])), .. t.Dates.Select(Day)];

    private static Dictionary<string, object> AxisTypeButtons()
    {
        static Dictionary<string, object> Button(string type) => new()
        {
            ["label"] = type, ["method"] = "relayout", ["args"] = new object[] { new Dictionary<string, object> { ["yaxis.type"] = type } },
        };
        return new Dictionary<string, object>
        {
            ["type"] = "buttons", ["direction"] = "left", ["active"] = 0, ["showactive"] = true,
            ["x"] = 1.0, ["xanchor"] = "right", ["y"] = 1.02, ["yanchor"] = "bottom",
            ["buttons"] = new object[] { Button("linear"), Button("log") },
        };
    }

    private static GenericChart MonthlyHeatmap(ReturnTrace t)
    {
        var grid = MonthlyGrid.Of(t.Dates, t.Returns);
        var z = grid.Values.Select(row => Gaps(row.Select(v => 100 * v))).ToArray();
        var text = grid.Values.Select(row => row.Select(v => double.IsFinite(v) ? (100 * v).ToString("F1", CultureInfo.InvariantCulture) + "%" : "").ToArray()).ToArray();
        var years = grid.Years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToArray();
        return Plotly.NET.CSharp.Chart.Heatmap<double, string, string, string>(grid.Values, X: Months, Y: years, Name: PanelName(t), ReverseYAxis: true)
            .WithTraceProperty("z", z).WithTraceProperty("text", text).WithTraceProperty("texttemplate", "%{text}").WithTraceProperty("coloraxis", "coloraxis")
            .WithTraceProperty("textfont", new Dictionary<string, object> { ["size"] = 11 })
            .WithTraceProperty("hovertemplate", "%{y} %{x}: %{text}<extra>" + PanelName(t) + "</extra>")
            .WithYTitle("year");
    }
}
