using StockAgent.Market;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Market;

/// <summary>Checks on the real market in ../shared/data/market (skipped, visibly, where it is absent).</summary>
public class SharedMarketDataTests
{
    private static readonly Lazy<MarketLoadResult> Loaded = new(() => MarketCsvLoader.LoadFolder(RepoPaths.SharedMarket!));

    [SharedMarketFact]
    public void LoadFolder_SharedMarket_Has105FilesAndNoErrors()
    {
        var result = Loaded.Value;

        Assert.Equal(105, result.Files.Count);
        Assert.Equal(0, result.Errors);
        Assert.Equal(104, result.Data.Series.Count);
        Assert.Equal(11, result.Data.Sectors.Count());
        Assert.Equal("SPY", result.Data.Benchmark?.Symbol);
        Assert.Contains(result.AllIssues, i => i.File == "AAPL.csv" && i.Date == new DateOnly(2000, 9, 29) && i.Message.Contains("moved"));
    }

    [SharedMarketFact]
    public void Aapl_SplitsOf2014And2020_AreInvisibleAfterAdjustment()
    {
        var aapl = Loaded.Value.Data["AAPL"];
        foreach (var date in new[] { new DateOnly(2014, 6, 9), new DateOnly(2020, 8, 31) })
        {
            int i = Array.IndexOf(aapl.Dates, date);
            Assert.True(i > 0, $"{date} not found");
            double rawMove = (aapl.Close[i] / aapl.AdjustmentFactor[i]) / (aapl.Close[i - 1] / aapl.AdjustmentFactor[i - 1]) - 1;
            double adjustedMove = aapl.Close[i] / aapl.Close[i - 1] - 1;
            Assert.True(rawMove < -0.7, $"raw move on {date} was {rawMove:P1}; the split should show in raw prices");
            Assert.True(Math.Abs(adjustedMove) < 0.10, $"adjusted move on {date} was {adjustedMove:P1}");
        }
    }

    [SharedMarketFact]
    public void ValidateCommand_SharedMarket_Reports105FilesNoErrorsExitZero()
    {
        var run = CliRunner.Run("data", "validate", RepoPaths.SharedMarket!);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"105 files, 0 errors, \d+ warnings", run.Stdout);
    }
}
