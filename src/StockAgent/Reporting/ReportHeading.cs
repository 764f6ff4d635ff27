namespace StockAgent.Reporting;

/// <summary>A section heading (level 2 = section, 3 = subsection).</summary>
public sealed record ReportHeading(int Level, string Text) : ReportBlock;
