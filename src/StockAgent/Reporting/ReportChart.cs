using Plotly.NET;

namespace StockAgent.Reporting;

/// <summary>A Plotly chart with a caption (what it shows and how to read it).</summary>
public sealed record ReportChart(string Caption, GenericChart Chart) : ReportBlock;
