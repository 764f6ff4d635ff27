using System.Globalization;
using System.Text;
using Plotly.NET;
using StockAgent.IO;

namespace StockAgent.Reporting;

/// <summary>
/// Builds one self-contained HTML page (a report) that opens offline in any browser: plotly.js is inlined once in the
/// head (the copy Plotly.NET ships, see <see cref="PlotlyJsVersion"/>), the style sheet is inline and uses system fonts,
/// and nothing in the page points at a network address, so opening it makes no request at all.
/// </summary>
/// <remarks>
/// Blocks appear in the order they are added, after the title and a table of contents of the headings. Text passed to
/// <see cref="Heading"/>, <see cref="Paragraph"/>, <see cref="List"/> and <see cref="Table"/> is HTML-escaped (a
/// <c>&lt;script&gt;</c> in a cell is shown as text); <see cref="Raw"/> is the only way to put markup in. Ids are
/// numbered, never random, so the same calls give the same bytes. Each chart is drawn by its own inline script, so a
/// chart that fails to draw leaves the rest of the page working.
/// </remarks>
public sealed class ReportPage
{
    private readonly string _title;
    private readonly List<string> _blocks = [];
    private readonly List<(int Level, string Text, string Id)> _headings = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal) { "contents" };
    private int _charts;

    /// <summary>A page titled <paramref name="title"/>: the document title and the heading at the top of the page.</summary>
    public ReportPage(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        if (string.IsNullOrWhiteSpace(title)) throw new ArgumentException("title must not be empty.", nameof(title));
        _title = title;
    }

    /// <summary>The plotly.js version the page embeds (Plotly.NET's <c>Globals.PLOTLYJS_VERSION</c>).</summary>
    public static string PlotlyJsVersion => ReportPageLibrary.Version;

    /// <summary>The class of every chart container on the page (<c>report-chart</c>); plotly.js adds
    /// <c>js-plotly-plot</c> once it draws one.</summary>
    public static string ChartContainerClass => ReportPageChart.ContainerClass;

    /// <summary>The number of charts added so far.</summary>
    public int ChartCount => _charts;

    /// <summary>A heading of level 1 to 4 (h1..h4), escaped, with an id anchor made from its text (lower-case letters
    /// and digits joined by hyphens; "-2", "-3" appended to a repeat). Headings of level 1 to 3 are listed in the table
    /// of contents.</summary>
    public ReportPage Heading(int level, string text)
    {
        if (level is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(level), level, "level must be 1, 2, 3 or 4.");
        ArgumentNullException.ThrowIfNull(text);
        var id = UniqueId(ReportPageMarkup.Slug(text));
        _headings.Add((level, text, id));
        _blocks.Add($"<h{level} id=\"{id}\">{ReportPageMarkup.Escape(text)}</h{level}>\n");
        return this;
    }

    /// <summary>A paragraph, escaped; <c>**bold**</c> and <c>`code`</c> spans are kept as bold and code.</summary>
    public ReportPage Paragraph(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _blocks.Add($"<p>{ReportPageMarkup.Inline(text)}</p>\n");
        return this;
    }

    /// <summary>A bulleted list, each item escaped, with <c>**bold**</c> and <c>`code`</c> spans kept.</summary>
    public ReportPage List(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var sb = new StringBuilder("<ul>\n");
        int i = 0;
        foreach (var item in items)
        {
            if (item is null) throw new ArgumentException($"items[{i}] is null.", nameof(items));
            sb.Append("<li>").Append(ReportPageMarkup.Inline(item)).Append("</li>\n");
            i++;
        }
        _blocks.Add(sb.Append("</ul>\n").ToString());
        return this;
    }

    /// <summary>A table: a header row and body rows of escaped cells, each row as wide as the header. A column whose
    /// non-blank body cells all read as numbers (see <see cref="ReportPageMarkup.IsNumeric"/>; blank means empty, a dash
    /// or n/a) is right-aligned, header included. An optional caption sits above it.</summary>
    public ReportPage Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        if (header.Count == 0) throw new ArgumentException("header must name at least one column.", nameof(header));
        for (int c = 0; c < header.Count; c++)
            if (header[c] is null) throw new ArgumentException($"header[{c}] is null.", nameof(header));
        var body = rows.ToList();
        for (int r = 0; r < body.Count; r++)
        {
            if (body[r] is null) throw new ArgumentException($"rows[{r}] is null.", nameof(rows));
            if (body[r].Count != header.Count)
                throw new ArgumentException($"rows[{r}] has {body[r].Count} cells; the header has {header.Count}.", nameof(rows));
            for (int c = 0; c < header.Count; c++)
                if (body[r][c] is null) throw new ArgumentException($"rows[{r}][{c}] is null.", nameof(rows));
        }
        var numeric = Enumerable.Range(0, header.Count).Select(c =>
        {
            var cells = body.Select(row => row[c]).Where(s => !ReportPageMarkup.IsBlank(s)).ToList();
            return cells.Count > 0 && cells.All(ReportPageMarkup.IsNumeric);
        }).ToArray();

        var sb = new StringBuilder("<div class=\"table-wrap\"><table>\n");
        if (caption is not null) sb.Append("<caption>").Append(ReportPageMarkup.Escape(caption)).Append("</caption>\n");
        sb.Append("<thead><tr>");
        for (int c = 0; c < header.Count; c++) Cell(sb, "th", header[c], numeric[c]);
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in body)
        {
            sb.Append("<tr>");
            for (int c = 0; c < header.Count; c++) Cell(sb, "td", row[c], numeric[c]);
            sb.Append("</tr>\n");
        }
        _blocks.Add(sb.Append("</tbody>\n</table></div>\n").ToString());
        return this;
    }

    /// <summary>A chart: one container (<c>div.report-chart</c>, id <c>chart-1</c>, <c>chart-2</c>, ... in the order
    /// added) drawn by an inline <c>Plotly.newPlot</c> call with the chart's traces, layout and config. The chart fills
    /// the column's width and follows it (its layout's fixed width is dropped, config <c>responsive</c> set); its height
    /// is the layout's (450 px when unset). The chart's display options (Plotly.NET's HTML document settings) are not
    /// used.</summary>
    public ReportPage Chart(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        _charts++;
        _blocks.Add(ReportPageChart.Render(chart, UniqueId("chart-" + _charts.ToString(CultureInfo.InvariantCulture))));
        return this;
    }

    /// <summary>Markup added exactly as given: the caller vouches that it is well-formed and makes no network request.</summary>
    public ReportPage Raw(string trustedHtml)
    {
        ArgumentNullException.ThrowIfNull(trustedHtml);
        _blocks.Add(trustedHtml.EndsWith('\n') ? trustedHtml : trustedHtml + "\n");
        return this;
    }

    /// <summary>The whole page as one HTML document (UTF-8; about 3.6 MB, most of it plotly.js).</summary>
    public string ToHtml()
    {
        var library = ReportPageLibrary.Script;
        var sb = new StringBuilder(library.Length + 65_536 + _blocks.Sum(b => b.Length));
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<meta name=\"generator\" content=\"StockAgent ReportPage\">\n")
          .Append("<title>").Append(ReportPageMarkup.Escape(_title)).Append("</title>\n")
          .Append("<style>\n").Append(ReportPageStyle.Css).Append("\n</style>\n")
          .Append("<script>/* plotly.js ").Append(PlotlyJsVersion).Append(", inlined from Plotly.NET */\n")
          .Append(library).Append("\n</script>\n</head>\n<body>\n<main>\n")
          .Append("<h1 class=\"page-title\">").Append(ReportPageMarkup.Escape(_title)).Append("</h1>\n");
        AppendContents(sb);
        foreach (var block in _blocks) sb.Append(block);
        return sb.Append("</main>\n</body>\n</html>\n").ToString();
    }

    /// <summary>Writes <see cref="ToHtml"/> to <paramref name="path"/> atomically (UTF-8, no byte-order mark), creating
    /// its folder.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllText(path, ToHtml());
    }

    private void AppendContents(StringBuilder sb)
    {
        var listed = _headings.Where(h => h.Level <= 3).ToList();
        if (listed.Count == 0) return;
        sb.Append("<nav class=\"toc\" id=\"contents\" aria-label=\"Contents\"><p class=\"toc-title\">Contents</p>\n<ul>\n");
        int top = listed.Min(h => h.Level);
        foreach (var (level, text, id) in listed)
            sb.Append("<li class=\"toc-").Append((level - top).ToString(CultureInfo.InvariantCulture)).Append("\"><a href=\"#")
              .Append(id).Append("\">").Append(ReportPageMarkup.Escape(text)).Append("</a></li>\n");
        sb.Append("</ul></nav>\n");
    }

    private static void Cell(StringBuilder sb, string tag, string text, bool numeric)
    {
        sb.Append('<').Append(tag);
        if (numeric) sb.Append(" class=\"num\"");
        sb.Append('>').Append(ReportPageMarkup.Escape(text)).Append("</").Append(tag).Append('>');
    }

    private string UniqueId(string id)
    {
        var candidate = id;
        for (int n = 2; !_ids.Add(candidate); n++) candidate = $"{id}-{n.ToString(CultureInfo.InvariantCulture)}";
        return candidate;
    }
}
