using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Statistics;
using StockAgent.Market;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Backtest;

public class BacktesterExampleTests
{
    private static PriceSeries Bars(double[] open, double[] high, double[] low, double[] close) =>
        new("T", SeriesBuilder.Dates(close.Length), open, high, low, close, Enumerable.Repeat(1000.0, close.Length).ToArray());

    [Fact]
    public void Run_CommissionAndSlippage_MatchHandCalculation()
    {
        // Target 1 x size 0.5 at bar 0: 50 shares at close 100, filled at bar 1's open 105 +20 bp = 105.21, 10 bp fee.
        // Bar 1: equity 10234.2395, target 0.9 -> 41 shares: sell 9 at bar 2's open 120 -20 bp = 119.76.
        // End: sell 41 at the last close 121 -20 bp = 120.758.
        var s = Bars([100, 105, 120], [100, 111, 122], [100, 104, 119], [100, 110, 121]);
        var options = new BacktestOptions { InitialCash = 10_000, PositionSize = 0.5, Costs = CostModel.FromBps(10, 20) };

        var r = Backtester.Run(new ScriptedPolicy([1, 0.9, 0]), s, options);

        Assert.Equal(10_000, r.Equity[0], 9);
        Assert.Equal(10_234.2395, r.Equity[1], 6);
        Assert.Equal([0.0, 50, 0], r.Shares);
        Assert.Equal(10_757.128582, r.FinalEquity, 6);
        Assert.Equal(5.2605 + 1.07784 + 4.951078 + 50 * 0.21 + 9 * 0.24 + 41 * 0.242, r.TotalCosts, 6);
        var trade = Assert.Single(r.Trades);
        Assert.Equal(757.128582, trade.Pnl, 6);
        Assert.Equal(105.21, trade.EntryPrice, 9);
        Assert.Equal(50, trade.Shares);
        Assert.Equal(1, trade.HoldingBars); // filled at bar 1, closed at bar 2
    }

    [Fact]
    public void Run_BuyCostingMoreThanCash_IsCutToWholeSharesCashCanPay()
    {
        // 100 shares decided at close 100, but the open gaps to 105 (+20 bp, +10 bp fee): cash buys 94.
        var s = Bars([100, 105, 120], [100, 111, 122], [100, 104, 119], [100, 110, 121]);
        var options = new BacktestOptions { InitialCash = 10_000, PositionSize = 1, Costs = CostModel.FromBps(10, 20) };

        var r = Backtester.Run(ScriptedPolicy.Constant(1, 3), s, options);

        Assert.Equal(94, r.Shares[1]);
        Assert.Equal(10_000 - 94 * 105.21 - 94 * 105.21 * 0.001, r.Cash[1], 6);
        Assert.True(r.Cash.All(c => c >= 0));
    }

    [Fact]
    public void Run_StopLossInsideBar_FillsAtTheStopLevel()
    {
        var s = Bars([100, 100, 96], [100, 101, 97], [100, 94, 95], [100, 95, 96]);
        var options = new BacktestOptions { InitialCash = 10_000, PositionSize = 1, Costs = CostModel.Zero, StopLoss = 0.05 };

        var r = Backtester.Run(new ScriptedPolicy([1, 0, 0]), s, options);

        var trade = Assert.Single(r.Trades);
        Assert.Equal("stop-loss", trade.ExitReason);
        Assert.Equal(95, trade.ExitPrice);
        Assert.Equal(-500, trade.Pnl, 9);
        Assert.Equal(9_500, r.Equity[1], 9);
    }

    [Fact]
    public void Run_GapThroughStop_FillsAtTheOpen()
    {
        var s = Bars([100, 100, 90, 91], [100, 101, 92, 92], [100, 99, 89, 90], [100, 100, 91, 91]);
        var options = new BacktestOptions { InitialCash = 10_000, PositionSize = 1, Costs = CostModel.Zero, StopLoss = 0.05 };

        var r = Backtester.Run(new ScriptedPolicy([1, 1, 0, 0]), s, options);

        var trade = Assert.Single(r.Trades);
        Assert.Equal("stop-loss (gap)", trade.ExitReason);
        Assert.Equal(90, trade.ExitPrice);
        Assert.Equal(-1_000, trade.Pnl, 9);
    }

    [Fact]
    public void Run_TakeProfit_FillsAtTheLevel()
    {
        var s = Bars([100, 100, 105], [100, 111, 106], [100, 99, 104], [100, 108, 105]);
        var r = Backtester.Run(new ScriptedPolicy([1, 1, 1]), s, new BacktestOptions { InitialCash = 10_000, PositionSize = 1, Costs = CostModel.Zero, TakeProfit = 0.1 });

        var trade = Assert.Single(r.Trades);
        Assert.Equal("take-profit", trade.ExitReason);
        Assert.Equal(110, trade.ExitPrice, 9);
    }

    [Fact]
    public void Run_Short_ProfitsWhenPriceFalls()
    {
        var s = Bars([100, 100, 90], [100, 100, 90], [100, 90, 90], [100, 90, 90]);
        var r = Backtester.Run(new ScriptedPolicy([-1, -1, -1]), s, new BacktestOptions { InitialCash = 10_000, PositionSize = 1, Costs = CostModel.Zero, AllowShort = true });

        Assert.Equal(-100, r.Shares[1]);
        Assert.Equal(20_000, r.Cash[1], 9);
        Assert.Equal(11_000, r.Equity[1], 9);
        Assert.Equal(-9_000.0 / 11_000, r.Exposure[1], 9);
        var trade = Assert.Single(r.Trades);
        Assert.Equal(-1, trade.Side);
        Assert.Equal(1_000, trade.Pnl, 9);
    }

    [Fact]
    public void Run_Reversal_ClosesOneTradeAndOpensAnother()
    {
        var s = Bars([100, 100, 110, 100], [100, 100, 110, 100], [100, 100, 110, 100], [100, 110, 110, 100]);
        var r = Backtester.Run(new ScriptedPolicy([1, -1, 0, 0]), s, new BacktestOptions { InitialCash = 10_000, PositionSize = 1, Costs = CostModel.Zero, AllowShort = true });

        Assert.Equal(2, r.Trades.Count);
        Assert.Equal(1, r.Trades[0].Side);
        Assert.Equal(1_000, r.Trades[0].Pnl, 9);
        Assert.Equal(-1, r.Trades[1].Side);
        Assert.Equal(1_000, r.Trades[1].Pnl, 9); // short 100 at 110, covered at 100
    }

    [Fact]
    public void Run_ShortWithoutPermission_IsAClearError()
    {
        var s = SeriesBuilder.FromCloses(100, 101, 102);
        var ex = Assert.Throws<ArgumentException>(() => Backtester.Run(new ScriptedPolicy([-1, -1, -1]), s));
        Assert.Contains("shorting is not enabled", ex.Message);
    }

    [Fact]
    public void Run_OneDay_HasNoTradesAndNaNRatios()
    {
        var r = Backtester.Run(new BuyAndHoldPolicy(), SeriesBuilder.FromCloses(100));
        var m = r.Metrics();
        Assert.Equal(1, r.Days);
        Assert.Empty(r.Trades);
        Assert.True(double.IsNaN(m.Sharpe));
        Assert.True(double.IsNaN(m.WinRate));
        Assert.Equal(0, m.TotalReturn);
    }

    [Fact]
    public void Run_StartAndEnd_RestrictTheBars()
    {
        var s = SeriesBuilder.Trend(50, 0.001);
        var r = Backtester.Run(new BuyAndHoldPolicy(), s, start: 10, endInclusive: 19);
        Assert.Equal(10, r.Days);
        Assert.Equal(s.Dates[10], r.Dates[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => Backtester.Run(new BuyAndHoldPolicy(), s, start: 10, endInclusive: 60));
    }

    [Fact]
    public void Portfolio_EqualWeights_AndAccountingHolds()
    {
        var a = RandomSeries.Walk(1, 300);
        var b = new PriceSeries("B", a.Dates[50..], RandomSeries.Walk(2, 250).Open, RandomSeries.Walk(2, 250).High, RandomSeries.Walk(2, 250).Low, RandomSeries.Walk(2, 250).Close, Enumerable.Repeat(1.0, 250).ToArray());
        var options = new PortfolioOptions { Backtest = new BacktestOptions { PositionSize = 0.95, Costs = CostModel.FromBps(5, 5) } };

        var r = PortfolioBacktester.Run(new BuyAndHoldPolicy(), [a, b], options);

        Assert.Equal(300, r.Dates.Length);
        Assert.InRange(r.GrossExposure[10], 0.40, 0.55); // only A trades before B lists: half the capital x 0.95, drifting
        Assert.InRange(r.GrossExposure[100], 0.85, 1.0);
        Assert.Equal(r.InitialCash + r.Trades.Sum(t => t.Pnl), r.Equity[^1], 6);
        Assert.True(r.Cash.All(c => c >= -1e-9));
    }

    [Fact]
    public void Portfolio_DateRangeWithNoData_IsAClearError()
    {
        var s = SeriesBuilder.Trend(20, 0.001);
        var ex = Assert.Throws<ArgumentException>(() => PortfolioBacktester.Run(new BuyAndHoldPolicy(), [s], new PortfolioOptions { From = new DateOnly(2030, 1, 1) }));
        Assert.Contains("no trading days", ex.Message);
    }

    [Fact]
    public void Portfolio_AfterAStop_StaysFlatUntilTheTargetChanges_LikeTheSingleSymbolRun()
    {
        // Long from bar 0; bar 2's low breaks the 5% stop; the target stays 1 to the end. Before the execution model was
        // shared, the portfolio bought back the next day (and stopped out again), counting more trades than the symbol row.
        var s = Bars([100, 100, 97, 95, 96, 97], [100, 101, 98, 96, 97, 98], [100, 99, 94, 94, 95, 96], [100, 100, 95, 95, 96, 97]);
        var options = new BacktestOptions { InitialCash = 10_000, PositionSize = 1, Costs = CostModel.Zero, StopLoss = 0.05 };
        var policy = ScriptedPolicy.Constant(1, 6);

        var single = Backtester.Run(policy, s, options);
        var portfolio = PortfolioBacktester.Run(policy, [s], new PortfolioOptions { Backtest = options });

        var stop = Assert.Single(single.Trades);
        Assert.Equal("stop-loss", stop.ExitReason);
        var trade = Assert.Single(portfolio.Trades);
        Assert.Equal((stop.EntryDate, stop.ExitDate, stop.ExitPrice), (trade.EntryDate, trade.ExitDate, trade.ExitPrice));
        Assert.Equal(single.Equity, portfolio.Equity);
        Assert.All(portfolio.GrossExposure.Skip(2), e => Assert.Equal(0, e));
    }

    [Fact]
    public void Portfolio_AStoppedHolding_ReentersWhenItsTargetChanges()
    {
        var s = Bars([100, 100, 97, 95, 96, 97, 98], [100, 101, 98, 96, 97, 98, 99], [100, 99, 94, 94, 95, 96, 97], [100, 100, 95, 95, 96, 97, 98]);
        var options = new BacktestOptions { InitialCash = 10_000, PositionSize = 1, Costs = CostModel.Zero, StopLoss = 0.05 };
        var policy = new ScriptedPolicy([1, 1, 1, 0.5, 0.5, 0.5, 0.5]);

        var single = Backtester.Run(policy, s, options);
        var portfolio = PortfolioBacktester.Run(policy, [s], new PortfolioOptions { Backtest = options });

        Assert.Equal(["stop-loss", "end"], single.Trades.Select(t => t.ExitReason));
        Assert.Equal(single.Trades.Select(t => (t.EntryDate, t.ExitDate)), portfolio.Trades.Select(t => (t.EntryDate, t.ExitDate)));
    }
}
