using Microsoft.Data.Analysis;

namespace StockAgent.Reporting;

/// <summary>A benchmark report's tables as DataFrames for notebooks, cell for cell the text the Markdown and HTML show
/// (formatted by <see cref="ReportFormat"/>; an empty header becomes "item", a repeated one gets a suffix).</summary>
public static class ReportFrames
{
    public static DataFrame ToDataFrame(this ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var columns = table.Header.Select((h, i) =>
        {
            string name = h.Length == 0 ? "item" : h;
            for (int k = 2; !seen.Add(name); k++) name = $"{(h.Length == 0 ? "item" : h)} ({k})";
            return (DataFrameColumn)new StringDataFrameColumn(name, table.Rows.Select(r => i < r.Count ? r[i] : ""));
        });
        return new DataFrame(columns);
    }

    /// <summary>The goals as a table: goal, target, measured, verdict.</summary>
    public static DataFrame ToDataFrame(this IReadOnlyList<GoalVerdict> goals)
    {
        ArgumentNullException.ThrowIfNull(goals);
        return new ReportTable(["goal", "target", "measured", "verdict"], goals.Select(g => (IReadOnlyList<string>)[g.Goal, g.Target, g.Measured, g.Verdict]).ToList()).ToDataFrame();
    }
}
