using System.Globalization;
using Plotly.NET;
using StockAgent.Market;
using static StockAgent.Reporting.BenchmarkChartsParts;

namespace StockAgent.Reporting;

/// <summary>The benchmark report's charts of the pipeline's life and its training runs.</summary>
public static partial class BenchmarkCharts
{
    private const string GoalColour = "#d62728";

    /// <summary>Three panels over time (UTC): the trajectories collected, the validation Sharpe and the validation win
    /// rate (in percent) at each point that has them, each against its goal from <paramref name="goals"/> as a dashed
    /// horizontal line across the whole period. Points are drawn in time order.</summary>
    public static GenericChart Milestones(IReadOnlyList<MilestonePoint> points, MilestoneGoals goals)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(goals);
        if (points.Count == 0) throw new ArgumentException("there are no milestone points to draw.", nameof(points));
        foreach (var p in points)
        {
            if (p is null) throw new ArgumentException("a milestone point is null.", nameof(points));
            if (p.Trajectories < 0) throw new ArgumentException($"the milestone at {Time(p.Time)} has {p.Trajectories} trajectories.", nameof(points));
        }
        var ordered = points.OrderBy(p => p.Time).ToList();
        var times = ordered.Select(p => Time(p.Time)).ToArray();
        string[] span = [times[0], times[^1]];
        var (colour, _) = Colour(0);
        var sharpe = ordered.Where(p => p.ValidationSharpe is not null).ToList();
        var winRate = ordered.Where(p => p.ValidationWinRate is not null).ToList();

        GenericChart Panel(GenericChart measured, double goal, string goalName, string yTitle) =>
            Plotly.NET.CSharp.Chart.Combine([measured, Line(span, [goal, goal], goalName, GoalColour, dashed: true)]).WithYTitle(yTitle);

        var panels = new[]
        {
            Panel(Line(times, ordered.Select(p => (double)p.Trajectories), "trajectories collected", colour, markers: true),
                goals.Trajectories, string.Create(CultureInfo.InvariantCulture, $"goal: {goals.Trajectories:N0} trajectories"), "trajectories"),
            Panel(Line(sharpe.Select(p => Time(p.Time)), sharpe.Select(p => p.ValidationSharpe!.Value), "validation Sharpe", colour, markers: true),
                goals.Sharpe, string.Create(CultureInfo.InvariantCulture, $"goal: Sharpe > {goals.Sharpe:0.##}"), "Sharpe ratio"),
            Panel(Line(winRate.Select(p => Time(p.Time)), winRate.Select(p => 100 * p.ValidationWinRate!.Value), "validation win rate", colour, markers: true),
                100 * goals.WinRate, string.Create(CultureInfo.InvariantCulture, $"goal: win rate > {100 * goals.WinRate:0.#}%"), "win rate (%)"),
        };
        string[] titles =
        [
            "trajectories in the library",
            "validation Sharpe ratio (annualised)" + (sharpe.Count == 0 ? ": no check yet" : ""),
            "validation win rate (%)" + (winRate.Count == 0 ? ": no check yet" : ""),
        ];
        return Plotly.NET.CSharp.Chart.Grid(panels, 3, 1, SubPlotTitles: titles, Pattern: StyleParam.LayoutGridPattern.Coupled, YGap: 0.25)
            .WithTitle("Pipeline milestones against the goals").WithXTitle("time (UTC)").WithLegendBelow();
    }

    /// <summary>Heatmap of trajectory counts, sectors (ordinal order) down and regimes across (the six of
    /// <see cref="MarketRegime.All"/> in their order, always, then any other regime named in the cells), with each count
    /// written on its cell; a pair with no cell counts 0, so a gap in coverage shows. A sector-regime pair given twice is
    /// an error.</summary>
    public static GenericChart Coverage(IReadOnlyList<CoverageCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count == 0) throw new ArgumentException("there are no coverage cells to draw.", nameof(cells));
        var counts = new Dictionary<(string, string), long>();
        foreach (var c in cells)
        {
            if (c is null || string.IsNullOrWhiteSpace(c.Sector) || string.IsNullOrWhiteSpace(c.Regime))
                throw new ArgumentException("every coverage cell needs a sector and a regime.", nameof(cells));
            if (c.Trajectories < 0) throw new ArgumentException($"the cell ({c.Sector}, {c.Regime}) has {c.Trajectories} trajectories.", nameof(cells));
            if (!counts.TryAdd((c.Sector, c.Regime), c.Trajectories))
                throw new ArgumentException($"the cell ({c.Sector}, {c.Regime}) is given twice.", nameof(cells));
        }
        var known = MarketRegime.All.Select(r => r.ToString()).ToList();
        string[] regimes = [.. known, .. cells.Select(c => c.Regime).Where(r => !known.Contains(r)).Distinct().Order(StringComparer.Ordinal)];
        var sectors = cells.Select(c => c.Sector).Distinct().Order(StringComparer.Ordinal).ToArray();
        var z = sectors.Select(s => regimes.Select(r => (double)counts.GetValueOrDefault((s, r))).ToArray()).ToArray();
        var text = z.Select(row => row.Select(v => v.ToString("N0", CultureInfo.InvariantCulture)).ToArray()).ToArray();
        long total = counts.Values.Sum();
        return Plotly.NET.CSharp.Chart.Heatmap<double, string, string, string>(z, X: regimes, Y: sectors, Name: "trajectories", ReverseYAxis: true)
            .WithTraceProperty("text", text).WithTraceProperty("texttemplate", "%{text}")
            .WithTraceProperty("colorscale", new object[][] { [0.0, "#f7fbff"], [1.0, "#08306b"] }).WithTraceProperty("zmin", 0.0)
            .WithTraceProperty("hovertemplate", "%{y}, %{x}: %{text} trajectories<extra></extra>")
            .WithTitle(string.Create(CultureInfo.InvariantCulture, $"Trajectory coverage: {total:N0} trajectories by sector and market regime"))
            .WithXTitle("market regime").WithYTitle("sector");
    }

    /// <summary>Three panels per iteration: mean episode reward, KL to the reference policy and clip fraction, one line
    /// per run in the same colour in every panel (one legend entry per run, "run (algorithm)", toggling all three);
    /// NaN values are gaps.</summary>
    public static GenericChart TrainingCurves(IReadOnlyList<TrainingCurve> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (curves.Count == 0) throw new ArgumentException("there are no training curves to draw (SFT runs have none).", nameof(curves));
        foreach (var c in curves)
            if (c is null || c.Points is null || c.Points.Count == 0)
                throw new ArgumentException($"the training curve of {c?.Run ?? "(null)"} has no points.", nameof(curves));
        var twice = curves.GroupBy(c => c.Run, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new ArgumentException($"two training curves are of run '{twice.Key}'.", nameof(curves));
        (string Title, string Axis, Func<TrainingPoint, double> Value)[] metrics =
        [
            ("mean episode reward", "reward", p => p.Reward),
            ("KL divergence to the reference policy", "KL", p => p.Kl),
            ("clip fraction", "clip fraction", p => p.ClipFraction),
        ];
        var panels = metrics.Select((m, row) => Plotly.NET.CSharp.Chart.Combine(curves.Select((c, i) =>
            Line(c.Points.Select(p => p.Step), c.Points.Select(m.Value), $"{c.Run} ({c.Algorithm})", Colour(i).Line, showLegend: row == 0)
                .WithTraceProperty("legendgroup", c.Run))).WithYTitle(m.Axis));
        return Plotly.NET.CSharp.Chart.Grid(panels, metrics.Length, 1, SubPlotTitles: metrics.Select(m => m.Title).ToArray(), Pattern: StyleParam.LayoutGridPattern.Coupled, YGap: 0.25)
            .WithTitle("Training curves: reward, KL and clip fraction per iteration").WithXTitle("iteration").WithLegendBelow();
    }
}
