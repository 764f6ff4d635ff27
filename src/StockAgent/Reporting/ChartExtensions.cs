using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.TraceObjects;

namespace StockAgent.Reporting;

/// <summary>C# conveniences for Plotly.NET charts that Plotly.NET.CSharp does not offer.</summary>
public static class ChartExtensions
{
    /// <summary>Sets the chart's title.</summary>
    public static GenericChart WithTitle(this GenericChart chart, string title) =>
        Plotly.NET.Chart.withTitle(title, FSharpOption<Font>.None).Invoke(chart);

    /// <summary>Sets the title of the chart's x axis.</summary>
    public static GenericChart WithXTitle(this GenericChart chart, string title) =>
        Plotly.NET.CSharp.GenericChartExtensions.WithXAxisStyle<double, double, string>(chart, TitleText: title);

    /// <summary>Sets the title of the chart's y axis.</summary>
    public static GenericChart WithYTitle(this GenericChart chart, string title) =>
        Plotly.NET.CSharp.GenericChartExtensions.WithYAxisStyle<double, double, string>(chart, TitleText: title);

    /// <summary>Asymmetric y error bars on the chart's traces: point i reaches from y - <paramref name="minus"/>[i] to
    /// y + <paramref name="plus"/>[i] (lengths, not bounds; a NaN length draws no bar).</summary>
    public static GenericChart WithYErrorBars(this GenericChart chart, IEnumerable<double> plus, IEnumerable<double> minus) =>
        Plotly.NET.Chart.withYError(Error.init<double, double>(
            Visible: FSharpOption<bool>.Some(true), Type: FSharpOption<StyleParam.ErrorType>.Some(StyleParam.ErrorType.Data),
            Symmetric: FSharpOption<bool>.Some(false), Array: FSharpOption<IEnumerable<double>>.Some(plus.ToArray()),
            Arrayminus: FSharpOption<IEnumerable<double>>.Some(minus.ToArray()), ArrayEncoded: null, ArrayminusEncoded: null, Value: null, Valueminus: null,
            Traceref: null, Tracerefminus: null, Copy_ystyle: null, Color: null, Thickness: null, Width: null)).Invoke(chart);
}
