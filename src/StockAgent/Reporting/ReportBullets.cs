namespace StockAgent.Reporting;

/// <summary>A bullet list of plain-text items.</summary>
public sealed record ReportBullets(IReadOnlyList<string> Items) : ReportBlock;
