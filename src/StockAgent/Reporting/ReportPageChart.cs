using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Newtonsoft.Json;
using Plotly.NET;

namespace StockAgent.Reporting;

/// <summary>One chart of a <see cref="ReportPage"/>: a plot container and an inline script that draws it with the
/// page's embedded plotly.js (<c>Plotly.newPlot</c>), never through require.js or a CDN.</summary>
internal static class ReportPageChart
{
    /// <summary>Height in CSS pixels of a chart whose layout sets none.</summary>
    public const int DefaultHeight = 450;

    /// <summary>The class every container of a ReportPage chart carries (before and after plotly.js takes it over, so a
    /// chart whose script failed is still found).</summary>
    public const string ContainerClass = "report-chart";

    // The settings Plotly.NET's own GenericChart.toChartHTML serialises traces, layout and config with.
    private static readonly JsonSerializerSettings PlotlySettings = new() { ReferenceLoopHandling = ReferenceLoopHandling.Serialize };

    /// <summary>The container and its script. Traces, layout and config are serialised as Plotly.NET serialises them;
    /// the layout loses any fixed width and gains <c>autosize</c> (the chart fills the page's column and follows it),
    /// keeps its height (<see cref="DefaultHeight"/> when it has none); the config gains <c>responsive: true</c> and
    /// <c>displaylogo: false</c>. The chart's display options (its own HTML document settings, plotly.js reference)
    /// are not used: the page carries the library.</summary>
    public static string Render(GenericChart chart, string id)
    {
        var data = JsonConvert.SerializeObject(GenericChart.getTraces(chart), PlotlySettings);
        var layout = JsonNode.Parse(JsonConvert.SerializeObject(GenericChart.getLayout(chart), PlotlySettings))!.AsObject();
        var config = JsonNode.Parse(JsonConvert.SerializeObject(GenericChart.getConfig(chart), PlotlySettings))!.AsObject();

        layout.Remove("width");
        layout["autosize"] = true;
        int height = layout["height"] is JsonValue h && h.TryGetValue(out double px) && double.IsFinite(px) && px > 0
            ? (int)Math.Round(px) : DefaultHeight;
        layout["height"] = height;
        config["responsive"] = true;
        config["displaylogo"] = false;

        return new StringBuilder()
            .Append("<figure class=\"chart\"><div id=\"").Append(id).Append("\" class=\"").Append(ContainerClass)
            .Append("\" style=\"height:").Append(height.ToString(CultureInfo.InvariantCulture)).Append("px\"></div></figure>\n")
            .Append("<script>Plotly.newPlot(\"").Append(id).Append("\", ").Append(ForScript(data)).Append(", ")
            .Append(ForScript(layout.ToJsonString())).Append(", ").Append(ForScript(config.ToJsonString())).Append(");</script>\n")
            .ToString();
    }

    /// <summary>JSON made safe inside an inline &lt;script&gt;: '&lt;', '&gt;' and '&amp;' can only occur inside JSON
    /// strings, where their \u escapes mean the same characters, so a title holding "&lt;/script&gt;" cannot end the
    /// element.</summary>
    private static string ForScript(string json) =>
        json.Replace("<", "\\u003c", StringComparison.Ordinal).Replace(">", "\\u003e", StringComparison.Ordinal)
            .Replace("&", "\\u0026", StringComparison.Ordinal);
}
