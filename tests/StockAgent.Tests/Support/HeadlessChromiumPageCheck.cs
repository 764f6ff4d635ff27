using System.Text;

namespace StockAgent.Tests.Support;

/// <summary>
/// What <see cref="HeadlessChromium"/> saw when it opened a page offline: every plot container with what was drawn in
/// it, the console errors and uncaught page errors, the requests it blocked (anything not <c>file:</c>) and where the
/// full-page screenshot is. <see cref="Problems"/> lists, in plain words, everything that makes the page not clean;
/// <c>Assert.Empty(check.Problems)</c> is the whole check.
/// </summary>
public sealed record PageCheck(
    string Url,
    IReadOnlyList<PageCheck.Plot> Plots,
    IReadOnlyList<string> ConsoleErrors,
    IReadOnlyList<string> PageErrors,
    IReadOnlyList<string> BlockedRequests,
    string ScreenshotPath,
    string? WaitFailure)
{
    /// <summary>The number of plot containers found (<c>.js-plotly-plot</c>, or a ReportPage container plotly.js never took).</summary>
    public int PlotCount => Plots.Count;

    /// <summary>Whether nothing is wrong: see <see cref="Problems"/>.</summary>
    public bool IsClean => Problems.Count == 0;

    /// <summary>One line per thing wrong: no plot container at all; a plot with no <c>.main-svg</c>, no data trace or no
    /// drawn trace group; a console error; a page error; a blocked request; the wait for the plots timing out.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            var problems = new List<string>();
            if (WaitFailure is not null) problems.Add(WaitFailure);
            if (Plots.Count == 0) problems.Add("the page holds no plot container");
            foreach (var p in Plots)
            {
                if (!p.TakenByPlotly) problems.Add($"plot '{p.Id}' was never drawn by plotly.js (no js-plotly-plot class)");
                else if (p.MainSvgCount == 0) problems.Add($"plot '{p.Id}' has no .main-svg");
                if (p.TakenByPlotly && p.DataTraceCount == 0) problems.Add($"plot '{p.Id}' has no data trace (gd.data is empty)");
                if (p.TakenByPlotly && p.DataTraceCount > 0 && p.DrawnTraceGroupCount == 0)
                    problems.Add($"plot '{p.Id}' has {p.DataTraceCount} data traces but no drawn trace group (.trace, .hm)");
            }
            problems.AddRange(PageErrors.Select(e => "page error: " + e));
            problems.AddRange(ConsoleErrors.Select(e => "console error: " + e));
            problems.AddRange(BlockedRequests.Select(u => "blocked request: " + u));
            return problems;
        }
    }

    public override string ToString()
    {
        var sb = new StringBuilder($"{Url}: {PlotCount} plots, screenshot {ScreenshotPath}");
        foreach (var p in Plots)
            sb.Append($"\n  {p.Id}: {p.MainSvgCount} .main-svg, {p.DataTraceCount} data traces ({string.Join(", ", p.TraceTypes)}), "
                + $"{p.DrawnTraceGroupCount} drawn trace groups, {p.UpdateMenuButtonCount} update-menu buttons");
        foreach (var problem in Problems) sb.Append("\n  problem: ").Append(problem);
        return sb.ToString();
    }

    /// <summary>One plot container. <paramref name="Id"/> is its element id (or "#n", its 1-based position, when it has
    /// none); <paramref name="TakenByPlotly"/> says plotly.js set it up (class <c>js-plotly-plot</c>);
    /// <paramref name="DataTraceCount"/> is <c>gd.data.length</c>; <paramref name="DrawnTraceGroupCount"/> counts the
    /// SVG groups plotly.js drew for traces (<c>g.trace</c> for scatter, bar, histogram and most kinds, <c>g.hm</c> for
    /// heatmaps); <paramref name="TraceTypes"/> are the traces' <c>type</c>s.</summary>
    public sealed record Plot(
        string Id,
        bool TakenByPlotly,
        int MainSvgCount,
        int DataTraceCount,
        int DrawnTraceGroupCount,
        IReadOnlyList<string> TraceTypes,
        int UpdateMenuButtonCount);
}
