using StockAgent.Tests.Pipeline;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Reporting;

/// <summary>The benchmark.html a finished pipeline run published, opened from its file in headless Chromium with every
/// network request blocked: every chart is drawn with its data traces, the console stays clean, nothing is requested,
/// and the benchmark is in the charts. The screenshot is kept under the test output's screenshots/.</summary>
[Collection(TorchCollection.Name)]
public class BenchmarkHtmlBrowserTests(PublishedRun run, HeadlessChromiumFixture browser) : IClassFixture<PublishedRun>, IClassFixture<HeadlessChromiumFixture>
{
    [ChromiumFact]
    public async Task BenchmarkHtml_OpensOffline_WithEveryChartDrawn_AndNoConsoleError()
    {
        var check = await browser.OpenOfflineAsync(run.Html, Path.Combine(HeadlessChromiumFixture.OutputFolder, "benchmark.png"), TimeSpan.FromSeconds(60));

        Assert.True(check.IsClean, check.ToString());
        // Three test sets x seven charts, two slice charts, and the pipeline's milestones, coverage and training curves.
        Assert.True(check.PlotCount >= 3 * 7 + 2 + 3, check.ToString());
        foreach (var plot in check.Plots)
        {
            Assert.True(plot.MainSvgCount > 0, $"{plot.Id}: {check}");
            Assert.True(plot.DataTraceCount > 0, $"{plot.Id}: {check}");
        }
        Assert.Empty(check.ConsoleErrors);
        Assert.Empty(check.PageErrors);
        Assert.Empty(check.BlockedRequests);
        Assert.Contains(check.Plots, p => p.UpdateMenuButtonCount == 2); // the equity curves' linear / log buttons
        Assert.True(File.Exists(check.ScreenshotPath));
        Assert.Contains("\"name\":\"MKT buy-and-hold\"", File.ReadAllText(run.Html)); // the synthetic market's benchmark is drawn
    }
}
