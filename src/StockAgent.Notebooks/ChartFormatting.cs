using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace StockAgent.Notebooks;

/// <summary>Renders Plotly.NET charts as their HTML (plotly.js from its CDN) when a notebook displays them.</summary>
public static class ChartFormatting
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(GenericChart.toChartHTML(chart)), "text/html");
        Formatter.Register<GenericChart>((chart, writer) => writer.Write("Plotly chart"), "text/plain");
    }
}
