using System.Globalization;
using Microsoft.FSharp.Core;
using Plotly.NET;

namespace StockAgent.Reporting;

/// <summary>Pieces the benchmark charts share: series colours, dates and missing values as Plotly wants them, and
/// trace or layout attributes that Plotly.NET.CSharp does not expose (set on the figure's dynamic objects, so they
/// serialise as written here).</summary>
internal static class BenchmarkChartsParts
{
    /// <summary>The colour of a benchmark series (with a dashed line).</summary>
    public const string BenchmarkColour = "#444444";

    private static readonly (int R, int G, int B)[] Palette =
        [(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189), (140, 86, 75), (227, 119, 194), (23, 190, 207)];

    /// <summary>The line colour of series <paramref name="i"/> (CSS), and its fill with <paramref name="alpha"/> opacity.</summary>
    public static (string Line, string Fill) Colour(int i, double alpha = 0.2)
    {
        var (r, g, b) = Palette[i % Palette.Length];
        return ($"rgb({r}, {g}, {b})", string.Create(CultureInfo.InvariantCulture, $"rgba({r}, {g}, {b}, {alpha})"));
    }

    /// <summary>A date as Plotly reads it on a date axis: yyyy-MM-dd.</summary>
    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A UTC time as Plotly reads it on a date axis: yyyy-MM-dd HH:mm:ss.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The values with null for each non-finite one: Plotly leaves a gap there (NaN would be written as the
    /// string "NaN").</summary>
    public static double?[] Gaps(IEnumerable<double> values) => values.Select(v => double.IsFinite(v) ? v : (double?)null).ToArray();

    /// <summary>Sets <paramref name="name"/> to <paramref name="value"/> on every trace of the chart.</summary>
    public static GenericChart WithTraceProperty(this GenericChart chart, string name, object value) =>
        GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(t =>
        {
            t.SetProperty(name, value);
            return t;
        }), chart);

    /// <summary>Sets <paramref name="name"/> to <paramref name="value"/> on the chart's layout.</summary>
    public static GenericChart WithLayoutProperty(this GenericChart chart, string name, object value) =>
        GenericChart.mapLayout(FuncConvert.FromFunc<Layout, Layout>(l =>
        {
            l.SetProperty(name, value);
            return l;
        }), chart);

    /// <summary>The legend in rows below the plot, so that long series names leave the plot its width.</summary>
    public static GenericChart WithLegendBelow(this GenericChart chart) =>
        chart.WithLayoutProperty("legend", new Dictionary<string, object> { ["orientation"] = "h", ["x"] = 0.0, ["xanchor"] = "left", ["y"] = -0.2, ["yanchor"] = "top" });

    /// <summary><paramref name="title"/> with <paramref name="note"/> (when there is one) on a smaller second line.</summary>
    public static string Titled(string title, string note) => note.Length == 0 ? title : $"{title}<br><sup>{note}</sup>";

    /// <summary>A line (scatter, mode lines, or lines and markers) of <paramref name="y"/> over <paramref name="x"/> in the
    /// CSS colour <paramref name="colour"/>, non-finite values left as gaps.</summary>
    public static GenericChart Line<TX>(IEnumerable<TX> x, IEnumerable<double> y, string name, string colour, bool dashed = false, bool showLegend = true,
        bool markers = false) where TX : IConvertible
    {
        var ys = Gaps(y);
        var c = Color.fromString(colour);
        var chart = Plotly.NET.CSharp.Chart.Line<TX, double, string>(x, ys.Select(v => v ?? 0), Name: name, ShowLegend: showLegend, ShowMarkers: markers,
            LineColor: c, MarkerColor: c, LineDash: dashed ? StyleParam.DrawingStyle.Dash : StyleParam.DrawingStyle.Solid);
        return chart.WithTraceProperty("y", ys);
    }
}
