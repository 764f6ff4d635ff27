using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Backtest;

public class ExecutionDefaultsTests
{
    [Fact]
    public void Default_IsFiveAndFiveBasisPointsAndTheFullPosition()
    {
        var d = BacktestOptions.Default;
        Assert.Equal(new BacktestOptions(), d);
        Assert.Equal(1.0, d.PositionSize);
        Assert.Equal(CostModel.Default, d.Costs);
        Assert.Equal(new BpsCommission(5), d.Costs.Commission);
        Assert.Equal(new BpsSlippage(5), d.Costs.Slippage);
        Assert.False(d.AllowShort);
        Assert.Null(d.StopLoss);
        Assert.True(d.CloseAtEnd);
        Assert.Equal(d, new PortfolioOptions().Backtest);
    }

    [Fact]
    public void Default_BuyAndHold_PaysCommissionAndSlippageOnEntryAndExit()
    {
        // Entry: floor(10,000 / 100) = 100 shares decided, the open 100 + 5 bp = 100.05 with 5 bp fee: cash buys 99.
        var s = SeriesBuilder.FromCloses(100, 100, 110);
        var r = Backtester.Run(new BuyAndHoldPolicy(), s, BacktestOptions.Default with { InitialCash = 10_000 });

        double buy = 99 * 100.05, sell = 99 * 110 * (1 - 5e-4);
        Assert.Equal(99, r.Shares[1]);
        Assert.Equal(10_000 - buy - buy * 5e-4 + sell - sell * 5e-4, r.FinalEquity, 9);
    }

    [Theory]
    [InlineData(20_000, 5, "commissionBps")]
    [InlineData(5, 20_000, "slippageBps")]
    [InlineData(-1, 5, "commissionBps")]
    [InlineData(5, double.NaN, "slippageBps")]
    public void FromBps_OutsideZeroToAThousand_NamesItsParameter(double commission, double slippage, string parameter)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CostModel.FromBps(commission, slippage));
        Assert.Equal(parameter, ex.ParamName);
        Assert.Contains("between 0 and 1000 basis points", ex.Message);
        Assert.DoesNotContain("--", ex.Message);
    }

    [Fact]
    public void BpsModels_RejectInsaneRatesToo()
    {
        Assert.Equal("Bps", Assert.Throws<ArgumentOutOfRangeException>(() => new BpsSlippage(20_000)).ParamName);
        Assert.Equal("Bps", Assert.Throws<ArgumentOutOfRangeException>(() => new BpsCommission(-3)).ParamName);
        Assert.Equal(CostModel.MaxBps, new BpsSlippage(CostModel.MaxBps).Bps);
    }

    [Fact]
    public void MaxSlippage_NeverDrivesEquityNegativeWithoutShorting()
    {
        var s = RandomSeries.Walk(3, 300, 0.05);
        var r = Backtester.Run(new RandomPolicy(), s, BacktestOptions.Default with { Costs = CostModel.FromBps(CostModel.MaxBps, CostModel.MaxBps) }, seed: 1);
        Assert.All(r.Equity, e => Assert.True(e > 0));
        Assert.All(r.Cash, c => Assert.True(c >= 0));
    }

    [Theory]
    [InlineData(nameof(BacktestOptions.InitialCash))]
    [InlineData(nameof(BacktestOptions.PositionSize))]
    [InlineData(nameof(BacktestOptions.StopLoss))]
    [InlineData(nameof(BacktestOptions.TakeProfit))]
    public void Validate_NamesTheProperty(string property)
    {
        var bad = property switch
        {
            nameof(BacktestOptions.InitialCash) => BacktestOptions.Default with { InitialCash = -5 },
            nameof(BacktestOptions.PositionSize) => BacktestOptions.Default with { PositionSize = 1.5 },
            nameof(BacktestOptions.StopLoss) => BacktestOptions.Default with { StopLoss = 1 },
            _ => BacktestOptions.Default with { TakeProfit = -0.1 },
        };
        var ex = Assert.Throws<ArgumentOutOfRangeException>(bad.Validate);
        Assert.Equal(property, ex.ParamName);
        Assert.StartsWith(property + " must", ex.Message);
    }
}
