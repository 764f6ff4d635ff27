using Microsoft.FSharp.Core;
using Plotly.NET;

namespace StockAgent.Reporting;

/// <summary>C# conveniences for Plotly.NET charts that Plotly.NET.CSharp does not offer.</summary>
public static class ChartExtensions
{
    /// <summary>Sets the chart's title.</summary>
    public static GenericChart WithTitle(this GenericChart chart, string title) =>
        Plotly.NET.Chart.withTitle(title, FSharpOption<Font>.None).Invoke(chart);
}
