using StockAgent.Evaluation;
using StockAgent.Experience;
using StockAgent.Experiments;
using StockAgent.Market;
using StockAgent.Reporting;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Reporting;

/// <summary>The notebook views of a robustness run and an error analysis (frames and charts) on a small synthetic market
/// dated 2007-2009 (the financial crisis is in it, the other crisis windows are not), stressing the seeded random policy.</summary>
public class RobustnessAndErrorReportingTests
{
    private static readonly Lazy<ExperimentContext> Context = new(() => ExperimentContext.Load(new ExperimentSettings
    {
        Synthetic = new SyntheticMarketOptions { Symbols = 8, Sectors = 2, Years = 3, Seed = 5, Start = new DateOnly(2007, 1, 1) },
        Split = new DataSplit { HeldOutFraction = 0.25 },
    }));

    private static readonly Lazy<RobustnessResult> Robustness = new(() =>
    {
        using var dir = new TempFolder();
        return RobustnessRun.Run(Context.Value, new RobustnessSettings
        {
            Model = "random", Resamples = 50, Seeds = 2, PositionSizes = [0.5, 1.0], StopLosses = [null, 0.05], Registry = dir.Combine("registry.db"),
            ShockMarket = new SyntheticMarketOptions { Symbols = 4, Sectors = 2, Years = 2, Seed = 99, Start = new DateOnly(2011, 1, 3) },
        });
    });

    private static readonly Lazy<ErrorAnalysisResult> Errors = new(() =>
        ErrorAnalysisRun.Run(Context.Value, new ErrorAnalysisSettings { Model = "random" }));

    [Fact]
    public void RobustnessFrames_HoldOneRowPerConfigurationWithTheResultsNumbers()
    {
        var r = Robustness.Value;
        var frame = RobustnessFrames.Rows(r);
        Assert.Equal(r.Rows.Count, frame.Rows.Count);
        for (int i = 0; i < r.Rows.Count; i++)
        {
            var row = r.Rows[i];
            Assert.Equal(row.Scenario, frame["scenario"][i]);
            Assert.Equal(row.Group, frame["group"][i]);
            Assert.Equal(row.Days, (int)frame["days"][i]!);
            Assert.Equal(row.Trades, (int)frame["trades"][i]!);
            Assert.Equal(row.Note, frame["note"][i]);
            if (row.InData)
            {
                Assert.Equal(row.Sharpe, (double)frame["sharpe"][i]!);
                Assert.Equal(row.TotalReturn, (double)frame["total_return"][i]!);
                Assert.Equal(row.From!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), frame["from"][i]);
            }
            else
            {
                // A crisis window outside the market: no numbers, shown as null, and a note saying why.
                Assert.Null(frame["sharpe"][i]);
                Assert.Null(frame["from"][i]);
                Assert.Contains("not in the data", row.Note);
            }
            if (double.IsFinite(row.SharpeCi95.Low)) Assert.Equal(row.SharpeCi95.Low, (double)frame["sharpe_low"][i]!);
            else Assert.Null(frame["sharpe_low"][i]);
        }
        Assert.Contains(r.Rows, x => !x.InData);
        var seeds = RobustnessFrames.Seeds(r);
        Assert.Equal(1, seeds.Rows.Count);
        Assert.Equal(r.Seeds.MeanSharpe, (double)seeds["mean_sharpe"][0]!);
        Assert.Equal(r.Seeds.SdSharpe, (double)seeds["sd_sharpe"][0]!);
    }

    [Fact]
    public void RobustnessChart_OneTracePerGroup_IntervalsAsErrorBars_MissingRowsLeftOut()
    {
        var r = Robustness.Value;
        var html = Plotly.NET.GenericChart.toChartHTML(RobustnessCharts.Sharpe(r));
        int missing = r.Rows.Count(x => !x.InData || !double.IsFinite(x.Sharpe));
        Assert.Contains("annualised Sharpe per scenario", html);
        Assert.Contains($"{missing} scenario(s) without data left out", html);
        foreach (var group in r.Groups.Where(g => r.Rows.Any(x => x.Group == g && x.InData))) Assert.Contains($"\"name\":\"{group}\"", html);
        foreach (var row in r.Rows.Where(x => x.InData)) Assert.Contains(row.Scenario, html);
        Assert.DoesNotContain(r.Rows.First(x => !x.InData).Scenario, html);
        Assert.Contains("\"error_y\":{\"visible\":true,\"type\":\"data\",\"symmetric\":false", html);
        // The error bars are the interval's distances from the point: high - sharpe above, sharpe - low below.
        var withInterval = r.Rows.First(x => x.InData && double.IsFinite(x.SharpeCi95.Low));
        var chart = RobustnessCharts.Sharpe(r with { Rows = [withInterval] });
        var json = Plotly.NET.GenericChart.toChartHTML(chart);
        string F(double x) => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"\"array\":[{F(withInterval.SharpeCi95.High - withInterval.Sharpe)}]", json);
        Assert.Contains($"\"arrayminus\":[{F(withInterval.Sharpe - withInterval.SharpeCi95.Low)}]", json);
        Assert.Throws<ArgumentException>(() => RobustnessCharts.Sharpe(r with { Rows = r.Rows.Where(x => !x.InData).ToList() }));
    }

    [Fact]
    public void ErrorAnalysisFrames_GroupsTradesWhipsawsAndSlices()
    {
        var e = Errors.Value;
        var groups = ErrorAnalysisFrames.Groups(e, ErrorAnalysis.ByRegime, ErrorAnalysis.BySector);
        var expected = e.Groups.Where(g => g.Grouping is ErrorAnalysis.ByRegime or ErrorAnalysis.BySector).ToList();
        Assert.Equal(expected.Count, groups.Rows.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Key, groups["key"][i]);
            Assert.Equal(expected[i].Trades, (int)groups["trades"][i]!);
            Assert.Equal(expected[i].TotalPnl, (double)groups["total_pnl"][i]!);
        }
        Assert.Equal(e.Groups.Count, ErrorAnalysisFrames.Groups(e).Rows.Count);
        var bad = Assert.Throws<ArgumentException>(() => ErrorAnalysisFrames.Groups(e, "planet"));
        Assert.Contains("'planet' is not a grouping", bad.Message);

        var losers = ErrorAnalysisFrames.Trades(e.TopLosers);
        Assert.NotEmpty(e.TopLosers);
        Assert.Equal(e.TopLosers.Count, losers.Rows.Count);
        Assert.Equal(e.TopLosers[0].Pnl, (double)losers["pnl"][0]!);
        Assert.Equal(e.TopLosers[0].Symbol, losers["symbol"][0]);

        var whipsaws = ErrorAnalysisFrames.Whipsaws(e);
        Assert.Equal(e.Whipsaws.Count, (int)whipsaws["count"][0]!);
        Assert.Equal(e.Whipsaws.WithinDays, (int)whipsaws["within_days"][0]!);

        var slices = ErrorAnalysisFrames.Slices(e.FailingSlices);
        Assert.Equal(e.FailingSlices.Count, slices.Rows.Count);
        Assert.All(Enumerable.Range(0, (int)slices.Rows.Count), i => Assert.True((double)slices["total_pnl"][i]! < 0));
    }

    [Fact]
    public void ErrorAnalysisChart_PnlByRegime_TradesAndDays()
    {
        var e = Errors.Value;
        var html = Plotly.NET.GenericChart.toChartHTML(ErrorAnalysisCharts.Pnl(e, ErrorAnalysis.ByRegime));
        Assert.Contains("P&L by regime", html);
        Assert.Contains("closed trades (regime at entry)", html);
        Assert.Contains("days (regime of the day)", html);
        foreach (var g in e.GroupsOf(ErrorAnalysis.ByRegime)) Assert.Contains(g.Key, html);
        // Holding periods have no days: one trace only.
        Assert.DoesNotContain("days (holding of the day)", Plotly.NET.GenericChart.toChartHTML(ErrorAnalysisCharts.Pnl(e, ErrorAnalysis.ByHolding)));
        Assert.Throws<ArgumentException>(() => ErrorAnalysisCharts.Pnl(e, "planet"));
    }
}
