using System.Text;

namespace StockAgent.Reporting;

/// <summary>Renders a <see cref="BenchmarkReport"/> as GitHub-flavoured Markdown: the title and subtitle, then every
/// block in order (headings, paragraphs, bullet lists, tables with the caption in italics above; a chart becomes one
/// line naming it and pointing at benchmark.html; consecutive charts share one list). Table cells escape the pipe character.</summary>
public static class BenchmarkMarkdown
{
    public static string Render(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append("# ").Append(report.Title).Append("\n\n");
        sb.Append('_').Append(report.Subtitle).Append("_\n\n");
        var charts = new List<string>();
        void FlushCharts()
        {
            if (charts.Count == 0) return;
            sb.Append("Charts in benchmark.html:\n\n");
            foreach (var c in charts) sb.Append("- ").Append(c).Append('\n');
            sb.Append('\n');
            charts.Clear();
        }
        foreach (var block in report.Blocks)
        {
            if (block is ReportChart chart)
            {
                charts.Add(chart.Caption);
                continue;
            }
            FlushCharts();
            switch (block)
            {
                case ReportHeading h:
                    sb.Append(new string('#', Math.Clamp(h.Level, 2, 4))).Append(' ').Append(h.Text).Append("\n\n");
                    break;
                case ReportParagraph p:
                    sb.Append(p.Text).Append("\n\n");
                    break;
                case ReportBullets b:
                    foreach (var item in b.Items) sb.Append("- ").Append(item).Append('\n');
                    sb.Append('\n');
                    break;
                case ReportTable t:
                    if (t.Caption is { } caption) sb.Append('_').Append(caption).Append("_\n\n");
                    sb.Append("| ").AppendJoin(" | ", t.Header.Select(Cell)).Append(" |\n");
                    sb.Append('|').AppendJoin('|', t.Header.Select((_, i) => i == 0 ? " --- " : " ---: ")).Append("|\n");
                    foreach (var row in t.Rows) sb.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
                    sb.Append('\n');
                    break;
                default:
                    throw new NotSupportedException($"no Markdown for a {block.GetType().Name}.");
            }
        }
        FlushCharts();
        return sb.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
