using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Market;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Backtest;

public class MarketBacktestTests
{
    private static readonly MarketData Market = SyntheticMarket.Generate(new SyntheticMarketOptions { Symbols = 6, Sectors = 2, Years = 4, Seed = 11 });

    [Fact]
    public void Run_StrategyOptions_NeverTouchTheBenchmark()
    {
        var strategy = new PortfolioOptions
        {
            Backtest = BacktestOptions.Default with { StopLoss = 0.02, TakeProfit = 0.05, PositionSize = 0.3, Costs = CostModel.FromBps(50, 80), AllowShort = true },
        };

        var plain = MarketBacktest.Run(new SmaCrossoverPolicy(10, 40, ActionSpace.LongShort), Market, new PortfolioOptions { Backtest = BacktestOptions.Default with { AllowShort = true } });
        var stopped = MarketBacktest.Run(new SmaCrossoverPolicy(10, 40, ActionSpace.LongShort), Market, strategy);

        Assert.NotNull(stopped.Benchmark);
        Assert.Equal(plain.Benchmark!.Equity, stopped.Benchmark!.Equity);
        Assert.Equal(BacktestOptions.Default, stopped.BenchmarkOptions);
        var held = Backtester.Run(new BuyAndHoldPolicy(), Market.Benchmark!);
        Assert.Equal(held.Equity, stopped.Benchmark.Equity); // the index held over the whole range, default execution
        Assert.Single(stopped.Benchmark.Trades);
        Assert.NotEqual(plain.Portfolio.Equity[^1], stopped.Portfolio.Equity[^1]);
    }

    [Fact]
    public void Run_BenchmarkKeepsTheStrategysInitialCash()
    {
        var r = MarketBacktest.Run(new BuyAndHoldPolicy(), Market, new PortfolioOptions { Backtest = BacktestOptions.Default with { InitialCash = 2_500 } });
        Assert.Equal(2_500, r.Benchmark!.InitialCash);
        Assert.Equal(2_500, r.Portfolio.InitialCash);
    }

    [Theory]
    [InlineData(0.03)]
    [InlineData(0.08)]
    public void Run_WithStops_PortfolioCountsTheSameRoundTripsAsTheSymbolRuns(double stop)
    {
        foreach (var policy in new IPolicy[] { new SmaCrossoverPolicy(5, 20), new MomentumPolicy(10, 3, ActionSpace.LongShort), new MeanReversionPolicy(5, 35, 55) })
        {
            var options = new PortfolioOptions { Backtest = BacktestOptions.Default with { StopLoss = stop, AllowShort = policy.Actions.AllowsShort } };
            var r = MarketBacktest.Run(policy, Market, options);

            int single = r.Symbols.Sum(s => s.Trades.Count);
            Assert.True(r.Portfolio.Trades.Count(t => t.ExitReason.StartsWith("stop-loss")) > 5, $"{policy.Id}: too few stops to test");
            Assert.Equal(single, r.Portfolio.Trades.Count);
            // Entries match one for one; exits may fall on other days (rebalancing moves the average entry price stops use).
            foreach (var s in r.Symbols)
                Assert.Equal(s.Trades.Select(t => t.EntryDate), r.Portfolio.Trades.Where(t => t.Symbol == s.Symbol).Select(t => t.EntryDate).Order());
        }
    }

    [Fact]
    public void Run_SymbolKUsesSeedPlusK_InItsOwnRunAndInThePortfolio()
    {
        var r = MarketBacktest.Run(new RandomPolicy(), Market, symbols: ["S003", "S001"], seed: 40);

        Assert.Equal(["S003", "S001"], r.Symbols.Select(s => s.Symbol));
        Assert.Equal(Backtester.Run(new RandomPolicy(), Market["S001"], seed: 41).Actions, r.Symbols[1].Actions);
        Assert.Equal(Backtester.Run(new RandomPolicy(), Market["S003"], seed: 40).Actions, r.Symbols[0].Actions);
    }

    [Fact]
    public void Run_DateRange_RestrictsEveryPart()
    {
        var from = Market["S001"].Dates[300];
        var to = Market["S001"].Dates[500];
        var r = MarketBacktest.Run(new BuyAndHoldPolicy(), Market, new PortfolioOptions { From = from, To = to });

        Assert.Equal(from, r.From);
        Assert.Equal(to, r.To);
        Assert.All(r.Symbols, s => Assert.True(s.Dates[0] >= from && s.Dates[^1] <= to));
        Assert.Equal(from, r.Benchmark!.Dates[0]);
        Assert.Equal(to, r.Benchmark.Dates[^1]);
    }

    [Fact]
    public void Run_BadInput_NamesTheParameter()
    {
        Assert.Equal("symbols", Assert.Throws<ArgumentException>(() => MarketBacktest.Run(new BuyAndHoldPolicy(), Market, symbols: ["NOPE"])).ParamName);
        Assert.Equal("symbols", Assert.Throws<ArgumentException>(() => MarketBacktest.Run(new BuyAndHoldPolicy(), Market, symbols: ["S001", "S001"])).ParamName);
        var future = new PortfolioOptions { From = new DateOnly(2090, 1, 1) };
        Assert.Contains("no data for the chosen symbols", Assert.Throws<ArgumentException>(() => MarketBacktest.Run(new BuyAndHoldPolicy(), Market, future)).Message);
        var reversed = new PortfolioOptions { From = new DateOnly(2020, 1, 1), To = new DateOnly(2019, 1, 1) };
        Assert.Equal(nameof(PortfolioOptions.From), Assert.Throws<ArgumentException>(() => MarketBacktest.Run(new BuyAndHoldPolicy(), Market, reversed)).ParamName);
    }
}
