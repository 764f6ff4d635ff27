using Plotly.NET;
using StockAgent.Experiments;
using StockAgent.Statistics;

namespace StockAgent.Reporting;

/// <summary>Plotly charts of an evaluation for notebooks: bootstrap distributions with their 95% intervals marked, and
/// per-slice Sharpe ratios.</summary>
public static class ValidationCharts
{
    /// <summary>Histograms of each series' draws on shared bins (<paramref name="bins"/> equal-width bins from the smallest
    /// to the largest finite draw of all series; NaN and infinite draws left out), as grouped columns of counts, with a
    /// dashed vertical line at each bound of each series' interval, in the series' colour.</summary>
    public static GenericChart Distribution(string title, string axisTitle, IReadOnlyList<(string Name, double[] Draws, ConfidenceInterval Interval)> series, int bins = 40)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0) throw new ArgumentException("series must hold at least one distribution.", nameof(series));
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), bins, "bins must be at least 1.");
        var finite = series.Select(s => s.Draws.Where(double.IsFinite).ToArray()).ToArray();
        if (finite.All(f => f.Length == 0)) throw new ArgumentException("series hold no finite draw.", nameof(series));
        double lo = finite.Where(f => f.Length > 0).Min(f => f.Min()), hi = finite.Where(f => f.Length > 0).Max(f => f.Max());
        double width = hi > lo ? (hi - lo) / bins : 1;
        var centres = Enumerable.Range(0, bins).Select(b => lo + (b + 0.5) * width).ToArray();
        var counts = finite.Select(f =>
        {
            var c = new int[bins];
            foreach (var x in f) c[Math.Min(bins - 1, (int)((x - lo) / width))]++;
            return c;
        }).ToArray();
        int top = counts.Max(c => c.Max());
        string[] palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"];
        var traces = new List<GenericChart>();
        for (int i = 0; i < series.Count; i++)
        {
            var (name, _, interval) = series[i];
            var colour = Color.fromString(palette[i % palette.Length]);
            traces.Add(Plotly.NET.CSharp.Chart.Column<int, double, string>(counts[i], Keys: centres,
                Name: $"{name} (95%: {interval.Low:F2} .. {interval.High:F2})", MarkerColor: colour));
            foreach (var x in new[] { interval.Low, interval.High }.Where(double.IsFinite))
                traces.Add(Plotly.NET.CSharp.Chart.Line<double, int, string>([x, x], [0, top], Name: $"{name} 95% bound",
                    ShowLegend: false, LineColor: colour, LineDash: StyleParam.DrawingStyle.Dash));
        }
        return Plotly.NET.CSharp.Chart.Combine(traces).WithTitle(title).WithXTitle(axisTitle);
    }

    /// <summary>Grouped columns of every candidate's annualised Sharpe per slice of <paramref name="grouping"/>
    /// ("regime" or "sector"), slices in the report's order.</summary>
    public static GenericChart Slices(TestSetReport set, string grouping)
    {
        ArgumentNullException.ThrowIfNull(set);
        var keys = set.Scores.SelectMany(s => s.Slices).Where(r => r.Grouping == grouping).Select(r => r.Slice).Distinct().ToArray();
        if (keys.Length == 0) throw new ArgumentException($"test set '{set.Set.Name}' has no '{grouping}' slices.", nameof(grouping));
        var columns = set.Scores.Where(s => s.Slices.Count > 0).Select(s =>
        {
            var bySlice = s.Slices.Where(r => r.Grouping == grouping).ToDictionary(r => r.Slice, r => r.Sharpe);
            return Plotly.NET.CSharp.Chart.Column<double, string, string>(keys.Select(k => bySlice.GetValueOrDefault(k, double.NaN)).ToArray(), Keys: keys, Name: s.Name);
        });
        return Plotly.NET.CSharp.Chart.Combine(columns).WithTitle($"{set.Set.Name}: annualised Sharpe per {grouping}").WithXTitle(grouping);
    }
}
