using System.Text.Json;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Cli;

public class BacktestCommandTests
{
    private static readonly string[] Keys =
        ["total_return", "cagr", "volatility", "sharpe", "sortino", "max_drawdown", "calmar", "win_rate", "profit_factor", "trades", "exposure", "final_equity"];

    [Fact]
    public void Backtest_SyntheticDefault_Json_HasSnakeCaseMetricsPerSymbolAndPortfolio()
    {
        var run = CliRunner.Run("backtest", "--strategy", "sma-crossover", "--fast", "20", "--slow", "100", "--symbols", "S001,S002", "--json", "--commission-bps", "5");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        foreach (var key in Keys)
        {
            Assert.True(root.GetProperty("portfolio").TryGetProperty(key, out _), key);
            Assert.True(root.GetProperty("symbols").GetProperty("S001").TryGetProperty(key, out _), key);
        }
        Assert.Equal(2, root.GetProperty("symbols").EnumerateObject().Count());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("benchmark").ValueKind);
    }

    [Fact]
    public void Backtest_Json_MatchesTheLibraryRun()
    {
        var run = CliRunner.Run("backtest", "--strategy", "buy-and-hold", "--symbols", "S003", "--json");
        using var doc = JsonDocument.Parse(run.Stdout);
        double cliEquity = doc.RootElement.GetProperty("symbols").GetProperty("S003").GetProperty("final_equity").GetDouble();

        var market = StockAgent.Market.SyntheticMarket.Generate(new StockAgent.Market.SyntheticMarketOptions());
        var direct = StockAgent.Backtest.Backtester.Run(new StockAgent.Agents.BuyAndHoldPolicy(), market["S003"]);

        Assert.Equal(direct.FinalEquity, cliEquity, 6);
    }

    [Fact]
    public void Backtest_WritesTradesAndEquityCsv()
    {
        using var dir = new TempFolder();
        var run = CliRunner.Run("backtest", "--strategy", "momentum", "--symbols", "S001", "--trades", dir.Combine("trades.csv"), "--equity", dir.Combine("equity.csv"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.StartsWith("Symbol,Side,EntryDate", File.ReadAllLines(dir.Combine("trades.csv"))[0]);
        Assert.True(File.ReadAllLines(dir.Combine("trades.csv")).Length > 2);
        Assert.Equal("date,equity,cash,gross_exposure,benchmark_close", File.ReadAllLines(dir.Combine("equity.csv"))[0]);
        Assert.Contains("PORTFOLIO", run.Stdout);
    }

    [Theory]
    [InlineData(new[] { "--strategy", "magic" }, "unknown strategy 'magic'")]
    [InlineData(new[] { "--fast", "200", "--slow", "50" }, "--fast: fast (200) must be smaller than slow (50)")]
    [InlineData(new[] { "--symbols", "NOPE" }, "unknown symbol 'NOPE'")]
    [InlineData(new[] { "--from", "2015-01-01", "--to", "2012-01-01" }, "is after --to")]
    [InlineData(new[] { "--from", "2040-01-01" }, "no data")]
    [InlineData(new[] { "--cash", "-5" }, "--cash must be positive")]
    [InlineData(new[] { "--position-size", "1.5" }, "--position-size must be in (0, 1]")]
    [InlineData(new[] { "--from", "01/02/2015" }, "not a date")]
    public void Backtest_BadArguments_OneClearLineAndExitTwo(string[] args, string expected)
    {
        var run = CliRunner.Run(["backtest", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr);
        Assert.Single(run.Stderr.Trim().Split('\n'));
    }

    [SharedMarketFact]
    public void Backtest_SharedMarket_RunsAndAgreesWithHandCheckedBuyAndHold()
    {
        var run = CliRunner.Run("backtest", "--data", RepoPaths.SharedMarket!, "--strategy", "buy-and-hold", "--symbols", "AAPL", "--from", "2010-01-04", "--to", "2010-12-31", "--json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        var aapl = StockAgent.Market.MarketCsvLoader.LoadFile(Path.Combine(RepoPaths.SharedMarket!, "daily", "AAPL.csv")).Series!;
        int i0 = aapl.IndexOnOrAfter(new DateOnly(2010, 1, 4)), i1 = aapl.IndexOnOrAfter(new DateOnly(2011, 1, 1)) - 1;
        double shares = Math.Floor(100_000 * 0.95 / aapl.Close[i0]);
        double expected = 100_000 - shares * aapl.Open[i0 + 1] + shares * aapl.Close[i1];
        Assert.Equal(expected, doc.RootElement.GetProperty("symbols").GetProperty("AAPL").GetProperty("final_equity").GetDouble(), 4);
        Assert.True(doc.RootElement.GetProperty("benchmark").TryGetProperty("sharpe", out _));
    }

    [Fact]
    public void Bench_PrintsThroughputFigures()
    {
        var run = CliRunner.Run("bench", "--repeat", "1", "--warmup-seconds", "0", "--filter", "1 thread");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Matches(@"backtest: sma-crossover, every symbol, 1 thread\s+[\d,]+\s+[\d.]+ms", run.Stdout);
        Assert.Contains("M bars/s", run.Stdout);
    }
}
