namespace StockAgent.Reporting;

/// <summary>Renders a <see cref="BenchmarkReport"/> as one self-contained HTML page (<see cref="ReportPage"/>:
/// plotly.js inline, no network access): the same headings, paragraphs, lists and tables as the Markdown, with every
/// chart drawn where the Markdown names it.</summary>
public static class BenchmarkHtml
{
    public static string Render(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var page = new ReportPage(report.Title).Paragraph(report.Subtitle); // the page heads itself with the title
        foreach (var block in report.Blocks)
        {
            switch (block)
            {
                case ReportHeading h: page.Heading(Math.Clamp(h.Level, 2, 4), h.Text); break;
                case ReportParagraph p: page.Paragraph(p.Text); break;
                case ReportBullets b: page.List(b.Items); break;
                case ReportTable t: page.Table(t.Header, t.Rows, t.Caption); break;
                case ReportChart c: page.Chart(c.Chart).Paragraph(c.Caption); break;
                default: throw new NotSupportedException($"no HTML for a {block.GetType().Name}.");
            }
        }
        return page.ToHtml();
    }
}
