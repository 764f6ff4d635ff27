namespace StockAgent.Reporting;

/// <summary>A paragraph of plain text (<c>**bold**</c> and <c>`code`</c> spans allowed).</summary>
public sealed record ReportParagraph(string Text) : ReportBlock;
