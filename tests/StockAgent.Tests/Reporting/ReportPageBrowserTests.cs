using StockAgent.Reporting;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Reporting;

/// <summary>
/// A <see cref="ReportPage"/> opened from its file in Debian's headless Chromium with every network request blocked:
/// each chart kind the benchmark report uses is drawn, nothing is requested, the console stays clean; and the check
/// itself reports a broken chart, an empty plot and a network request when a page has them. Pages and screenshots are
/// kept in <see cref="HeadlessChromiumFixture.OutputFolder"/> (the test output folder's screenshots/).
/// </summary>
public class ReportPageBrowserTests(HeadlessChromiumFixture browser) : IClassFixture<HeadlessChromiumFixture>
{
    [ChromiumFact]
    public async Task ReportPage_OpenedOffline_DrawsEveryChartWithNoRequestAndNoConsoleError()
    {
        var page = new ReportPage("StockAgent benchmark (browser test)")
            .Paragraph("A page with each chart kind of the benchmark report, opened from its file with the network blocked.")
            .Heading(2, "Performance metrics")
            .Table(["strategy", "Sharpe [95%]", "total return", "max drawdown", "trades"],
            [
                ["agent", "1.52 [0.90, 2.10]", "12.5%", "8.1%", "1,204"],
                ["SPY", "0.81 [0.10, 1.52]", "7.0%", "11.3%", "1"],
                ["<script>alert('cell')</script>", "NaN", "n/a", "-", "0"],
            ], caption: "Test set: last 90 trading days")
            .Heading(2, "Equity").Chart(ReportPageTests.Line())
            .Heading(2, "Monthly returns").Chart(ReportPageTests.Heatmap())
            .Heading(2, "Daily returns").Chart(ReportPageTests.Histogram())
            .Heading(2, "Per regime").Chart(ReportPageTests.Bars());

        var check = await Open(page, "report-page");

        Assert.True(check.IsClean, check.ToString());
        Assert.Equal(4, check.PlotCount);
        Assert.Equal(["chart-1", "chart-2", "chart-3", "chart-4"], check.Plots.Select(p => p.Id));
        Assert.Equal([["scatter", "scatter"], ["heatmap"], ["histogram"], ["bar", "bar"]], check.Plots.Select(p => p.TraceTypes));
        foreach (var plot in check.Plots)
        {
            Assert.True(plot.MainSvgCount > 0, check.ToString());
            Assert.Equal(plot.DataTraceCount, plot.DrawnTraceGroupCount);
        }
        Assert.Equal(2, check.Plots[0].UpdateMenuButtonCount); // linear / log
        Assert.Empty(check.ConsoleErrors);
        Assert.Empty(check.PageErrors);
        Assert.Empty(check.BlockedRequests);
        AssertScreenshot(check.ScreenshotPath);
    }

    [ChromiumFact]
    public async Task Check_ReportsAThrowingChartAnEmptyPlotAndANetworkRequest_AndStillSeesTheGoodChart()
    {
        var page = new ReportPage("A page with faults")
            .Chart(ReportPageTests.Bars())
            .Raw("<div id=\"throws\" class=\"" + ReportPage.ChartContainerClass + "\"></div>"
                + "<script>Plotly.newPlot('throws', notDefinedTraces, {});</script>")
            .Raw("<div id=\"empty\"></div><script>Plotly.newPlot('empty', [], {height: 200});</script>")
            .Raw("<script src=\"http://127.0.0.1:9/cdn/plotly.min.js\"></script>");

        var check = await Open(page, "report-page-faults");

        Assert.False(check.IsClean);
        Assert.Equal(["chart-1", "throws", "empty"], check.Plots.Select(p => p.Id));
        var good = check.Plots[0];
        Assert.True(good.TakenByPlotly && good.MainSvgCount > 0 && good.DataTraceCount == 2 && good.DrawnTraceGroupCount == 2, check.ToString());
        Assert.False(check.Plots[1].TakenByPlotly);
        Assert.Equal(0, check.Plots[1].MainSvgCount);
        Assert.True(check.Plots[2].TakenByPlotly && check.Plots[2].MainSvgCount > 0, check.ToString());
        Assert.Equal(0, check.Plots[2].DataTraceCount);
        Assert.Contains(check.PageErrors, e => e.Contains("notDefinedTraces", StringComparison.Ordinal));
        Assert.Equal(["http://127.0.0.1:9/cdn/plotly.min.js"], check.BlockedRequests);
        Assert.Contains("plot 'throws' was never drawn by plotly.js (no js-plotly-plot class)", check.Problems);
        Assert.Contains("plot 'empty' has no data trace (gd.data is empty)", check.Problems);
        Assert.Contains("blocked request: http://127.0.0.1:9/cdn/plotly.min.js", check.Problems);
        Assert.Contains(check.Problems, p => p.StartsWith("page error: ", StringComparison.Ordinal) && p.Contains("notDefinedTraces", StringComparison.Ordinal));
        Assert.Null(check.WaitFailure);
        Assert.DoesNotContain(check.Problems, p => p.Contains("chart-1", StringComparison.Ordinal));
        AssertScreenshot(check.ScreenshotPath);
    }

    [Fact]
    public void Problems_OfAPageWithNoPlot_SayIt()
    {
        var check = new PageCheck("file:///x.html", [], [], [], [], "/x.png", null);
        Assert.Equal(["the page holds no plot container"], check.Problems);
    }

    private async Task<PageCheck> Open(ReportPage page, string name)
    {
        var html = Path.Combine(HeadlessChromiumFixture.OutputFolder, name + ".html");
        page.Save(html);
        return await browser.OpenOfflineAsync(html, Path.Combine(HeadlessChromiumFixture.OutputFolder, name + ".png"));
    }

    /// <summary>The screenshot is a PNG as wide as the laptop viewport and at least as tall.</summary>
    private static void AssertScreenshot(string path)
    {
        var png = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        int width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        int height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
        Assert.Equal(HeadlessChromium.Viewport.Width, width);
        Assert.True(height >= HeadlessChromium.Viewport.Height, $"the screenshot is {width}x{height}");
    }
}
