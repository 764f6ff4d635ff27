using System.Text.Json;
using StockAgent.Backtest;
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
    public void Backtest_MarketSeedChoosesTheSyntheticMarket_SeedOnlyTheRandomPolicy()
    {
        static double Equity(params string[] extra)
        {
            var run = CliRunner.Run(["backtest", "--strategy", "buy-and-hold", "--symbols", "S003", "--json", .. extra]);
            Assert.True(run.ExitCode == 0, run.Stderr);
            using var doc = JsonDocument.Parse(run.Stdout);
            return doc.RootElement.GetProperty("symbols").GetProperty("S003").GetProperty("final_equity").GetDouble();
        }

        double defaults = Equity();
        Assert.Equal(defaults, Equity("--seed", "99"), 9);
        Assert.NotEqual(defaults, Equity("--market-seed", "99"), 3);

        var other = StockAgent.Market.SyntheticMarket.Generate(new StockAgent.Market.SyntheticMarketOptions { Seed = 99 });
        Assert.Equal(StockAgent.Backtest.Backtester.Run(new StockAgent.Agents.BuyAndHoldPolicy(), other["S003"]).FinalEquity, Equity("--market-seed", "99"), 6);
    }

    [Fact]
    public void Backtest_WritesTradesAndEquityCsv()
    {
        using var dir = new TempFolder();
        var run = CliRunner.Run("backtest", "--strategy", "momentum", "--symbols", "S001", "--trades", dir.Combine("trades.csv"), "--equity", dir.Combine("equity.csv"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.StartsWith("Symbol,Side,EntryDate", File.ReadAllLines(dir.Combine("trades.csv"))[0]);
        Assert.True(File.ReadAllLines(dir.Combine("trades.csv")).Length > 2);
        Assert.Equal("date,equity,cash,gross_exposure,benchmark_equity", File.ReadAllLines(dir.Combine("equity.csv"))[0]);
        Assert.Contains("PORTFOLIO", run.Stdout);
    }

    [Theory]
    [InlineData(new[] { "--strategy", "magic" }, "unknown strategy 'magic'")]
    [InlineData(new[] { "--fast", "200", "--slow", "50" }, "--fast (200) must be smaller than --slow (50)")]
    [InlineData(new[] { "--symbols", "NOPE" }, "unknown symbol 'NOPE'")]
    [InlineData(new[] { "--from", "2015-01-01", "--to", "2012-01-01" }, "is after --to")]
    [InlineData(new[] { "--from", "2040-01-01" }, "no data")]
    [InlineData(new[] { "--cash", "-5" }, "--cash must be positive")]
    [InlineData(new[] { "--position-size", "1.5" }, "--position-size must be in (0, 1]")]
    [InlineData(new[] { "--from", "01/02/2015" }, "not a date")]
    [InlineData(new[] { "--slippage-bps", "20000" }, "--slippage-bps must be between 0 and 1000 basis points (got 20000)")]
    [InlineData(new[] { "--commission-bps", "-1" }, "--commission-bps must be between 0 and 1000 basis points (got -1)")]
    [InlineData(new[] { "--stop-loss", "1.5" }, "--stop-loss must be in (0, 1) (got 1.5)")]
    [InlineData(new[] { "--lookback", "0", "--strategy", "momentum" }, "--lookback must be at least 1 (got 0)")]
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
        var run = CliRunner.Run("backtest", "--data", RepoPaths.SharedMarket!, "--strategy", "buy-and-hold", "--symbols", "AAPL", "--from", "2010-01-04", "--to", "2010-12-31",
            "--position-size", "0.95", "--commission-bps", "0", "--slippage-bps", "0", "--json");

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

    [Fact]
    public void Backtest_StopLoss_NeverTouchesTheBenchmark()
    {
        var plain = CliRunner.Run("backtest", "--symbols", "S001,S002", "--json");
        var strategyOptions = CliRunner.Run("backtest", "--symbols", "S001,S002", "--stop-loss", "0.05", "--take-profit", "0.1", "--position-size", "0.5",
            "--commission-bps", "0", "--slippage-bps", "30", "--allow-short", "--json");

        Assert.True(plain.ExitCode == 0 && strategyOptions.ExitCode == 0, plain.Stderr + strategyOptions.Stderr);
        using var a = JsonDocument.Parse(plain.Stdout);
        using var b = JsonDocument.Parse(strategyOptions.Stdout);
        Assert.Equal(a.RootElement.GetProperty("benchmark").GetRawText(), b.RootElement.GetProperty("benchmark").GetRawText());
        Assert.NotEqual(a.RootElement.GetProperty("portfolio").GetRawText(), b.RootElement.GetProperty("portfolio").GetRawText());
        // The benchmark is the market index held from the first to the last day with the kit's default execution.
        var market = StockAgent.Market.SyntheticMarket.Generate(new StockAgent.Market.SyntheticMarketOptions { Seed = 7 });
        var index = market.Benchmark!;
        var expected = StockAgent.Backtest.Backtester.Run(new StockAgent.Agents.BuyAndHoldPolicy(), index).Metrics();
        Assert.Equal(index.Symbol, b.RootElement.GetProperty("benchmark_symbol").GetString());
        Assert.Equal(expected.FinalEquity, b.RootElement.GetProperty("benchmark").GetProperty("final_equity").GetDouble(), 6);
        Assert.Equal(1, b.RootElement.GetProperty("benchmark").GetProperty("trades").GetInt32());
    }

    [Fact]
    public void Backtest_WithStops_TradeCountsOfRowsPortfolioAndTradesFileAgree()
    {
        using var dir = new TempFolder();
        var run = CliRunner.Run("backtest", "--strategy", "momentum", "--lookback", "20", "--hold", "5", "--symbols", "S001,S002,S003,S004",
            "--stop-loss", "0.03", "--allow-short", "--trades", dir.Combine("trades.csv"), "--json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        var perSymbol = doc.RootElement.GetProperty("symbols").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("trades").GetInt32());
        int portfolio = doc.RootElement.GetProperty("portfolio").GetProperty("trades").GetInt32();
        var rows = File.ReadAllLines(dir.Combine("trades.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var stops = rows.Count(r => r[10].StartsWith("stop-loss"));

        Assert.True(stops > 10, $"only {stops} stops: the scenario must exercise them");
        Assert.Equal(perSymbol.Values.Sum(), portfolio);
        Assert.Equal(portfolio, rows.Count(r => r[11] == "portfolio"));
        foreach (var (symbol, count) in perSymbol) Assert.Equal(count, rows.Count(r => r[11] == "single" && r[0] == symbol));
        Assert.Contains("closed round trips", doc.RootElement.GetProperty("trades_counted").GetString());
    }

    [Fact]
    public void Backtest_Text_SaysWhatTheTradeCountsCount()
    {
        var run = CliRunner.Run("backtest", "--symbols", "S001,S002", "--stop-loss", "0.05");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Matches(@"Trades: (\d+) across the symbol rows, \1 in the portfolio \(the same count\); trades are closed round trips", run.Stdout);
        Assert.Contains("no strategy option applies to it", run.Stdout);
    }

    [Fact]
    public void Backtest_TradesAndEquityCsv_IsoDatesAndInvariantNumbers()
    {
        using var dir = new TempFolder();
        var run = CliRunner.Run("backtest", "--strategy", "sma-crossover", "--fast", "10", "--slow", "40", "--symbols", "S001",
            "--trades", dir.Combine("trades.csv"), "--equity", dir.Combine("equity.csv"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        var iso = new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2}-\d{2}$");
        var trades = File.ReadAllLines(dir.Combine("trades.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.NotEmpty(trades);
        foreach (var t in trades)
        {
            Assert.Matches(iso, t[2]);
            Assert.Matches(iso, t[4]);
            foreach (int column in new[] { 3, 5, 6, 7, 8 })
                Assert.True(double.TryParse(t[column], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _), t[column]);
        }
        var equity = File.ReadAllLines(dir.Combine("equity.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(equity, row => Assert.Matches(iso, row[0]));
        Assert.All(equity, row => Assert.Equal(5, row.Length));
        Assert.True(equity.Count(row => row[4] != "") > equity.Count / 2);
    }

    [Fact]
    public void Backtest_Defaults_AreTheLibrarysOneDefaultExecution()
    {
        var run = CliRunner.Run("backtest", "--symbols", "S001,S002", "--json");
        var help = CliRunner.Run("backtest", "--help");

        using var doc = JsonDocument.Parse(run.Stdout);
        var market = StockAgent.Market.SyntheticMarket.Generate(new StockAgent.Market.SyntheticMarketOptions { Seed = 7 });
        var direct = StockAgent.Backtest.MarketBacktest.Run(new StockAgent.Agents.SmaCrossoverPolicy(), market, symbols: ["S001", "S002"], seed: 7);
        Assert.Equal(direct.Portfolio.Equity[^1], doc.RootElement.GetProperty("portfolio").GetProperty("final_equity").GetDouble(), 6);
        Assert.Equal(direct.Symbols[1].FinalEquity, doc.RootElement.GetProperty("symbols").GetProperty("S002").GetProperty("final_equity").GetDouble(), 6);
        Assert.Matches(@"--commission-bps[^\n]*\[default: 5\]", help.Stdout);
        Assert.Matches(@"--slippage-bps[^\n]*\[default: 5\]", help.Stdout);
        Assert.Matches(@"--position-size[^\n]*\[default: 1\]", help.Stdout);
    }
}
