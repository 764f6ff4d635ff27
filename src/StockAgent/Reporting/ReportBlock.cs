namespace StockAgent.Reporting;

/// <summary>One block of a benchmark report's body, rendered the same way into Markdown and HTML: a heading, a
/// paragraph, a bullet list, a table or a chart (charts appear in the HTML only; the Markdown names them).</summary>
public abstract record ReportBlock;
