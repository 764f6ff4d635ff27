using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Features;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Agents;

public class BaselinePolicyTests
{
    private static double[] Targets(IPolicy policy, double[] closes)
    {
        var r = Backtester.Run(policy, SeriesBuilder.FromCloses(closes));
        return r.TargetExposure[..^1];
    }

    [Fact]
    public void SmaCrossover_FlatUntilSlowWindow_ThenFollowsTheCross()
    {
        // fast 2, slow 4: at bar 3 SMA2 = (4+5)/2 > SMA4 = 3.5 -> long; after the drop SMA2 < SMA4 -> flat.
        var targets = Targets(new SmaCrossoverPolicy(2, 4), [2, 3, 4, 5, 1, 1, 1]);
        Assert.Equal([0.0, 0, 0, 1, 0, 0], targets);
    }

    [Fact]
    public void SmaCrossover_WithShorting_GoesShortWhenBearish()
    {
        var r = Backtester.Run(new SmaCrossoverPolicy(2, 4, ActionSpace.LongShort), SeriesBuilder.FromCloses(5, 4, 3, 2, 1, 1), new BacktestOptions { AllowShort = true });
        Assert.Equal(-1, r.TargetExposure[3]);
    }

    [Fact]
    public void SmaCrossover_FastNotBelowSlow_IsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SmaCrossoverPolicy(200, 50));
        Assert.Contains("fast (200) must be smaller than slow (50)", ex.Message);
        Assert.Equal("fast", ex.ParamName);
        Assert.DoesNotContain("--", ex.Message); // the library speaks of its parameters; the CLI maps them to flags
    }

    [Fact]
    public void Momentum_ReviewsEveryHoldBars()
    {
        // lookback 1, hold 2: decisions at bars 1, 3, 5 hold for two bars.
        var targets = Targets(new MomentumPolicy(1, 2), [10, 11, 10, 9, 10, 11, 12]);
        Assert.Equal([0.0, 1, 1, 0, 0, 1], targets);
    }

    [Fact]
    public void MeanReversion_BuysOversoldAndExitsOnRecovery()
    {
        var closes = new[] { 100.0, 99, 98, 97, 96, 95, 100, 106, 112 };
        var targets = Targets(new MeanReversionPolicy(3, 30, 50), closes);
        Assert.Equal(0, targets[2]);   // warm-up
        Assert.Equal(1, targets[3]);   // RSI 0 after three falls: oversold
        Assert.Equal(0, targets[6]);   // a strong rise lifts RSI above 50
    }

    [Fact]
    public void Random_LogProbIsUniform_AndEveryActionIsDrawn()
    {
        // Same seed, same actions, and other seeds: PolicyContractTests.
        var a = Backtester.Run(new RandomPolicy(), SeriesBuilder.Trend(100, 0.001), seed: 5);
        Assert.All(a.LogProbs[..^1], lp => Assert.Equal(Math.Log(1.0 / 3), lp, 12));
        Assert.Equal(3, a.Actions[..^1].Distinct().Count());
    }

    [Fact]
    public void Factory_UnknownName_ListsTheValidOnes()
    {
        var ex = Assert.Throws<ArgumentException>(() => PolicyFactory.Create("magic"));
        Assert.Contains("sma-crossover", ex.Message);
        foreach (var name in PolicyFactory.BaselineNames) Assert.Equal(name, PolicyFactory.Create(name).Id);
    }

    [Fact]
    public void Baselines_DecideFromTheFeatureKernels()
    {
        // The sessions advance the kernels bar by bar; their decisions must follow the span kernels' values.
        var s = RandomSeries.Walk(12, 500);
        var fast = new double[s.Count];
        var slow = new double[s.Count];
        Sma.Compute(s.Close, 10, fast);
        Sma.Compute(s.Close, 40, slow);
        var sma = Backtester.Run(new SmaCrossoverPolicy(10, 40), s).TargetExposure;
        for (int t = 39; t < s.Count - 1; t++) Assert.Equal(fast[t] > slow[t] ? 1 : 0, sma[t]);

        var rsi = new double[s.Count];
        Rsi.Compute(s.Close, 7, rsi);
        var reversion = Backtester.Run(new MeanReversionPolicy(7, 30, 50), s).TargetExposure;
        int state = 0;
        for (int t = 7; t < s.Count - 1; t++)
        {
            state = state == 0 ? (rsi[t] < 30 ? 1 : 0) : (rsi[t] > 50 ? 0 : 1);
            Assert.Equal(state, reversion[t]);
        }
        Assert.Contains(1.0, reversion);

        var momentum = Backtester.Run(new MomentumPolicy(20, 1), s).TargetExposure;
        var r20 = new double[s.Count];
        LogReturn.Compute(s.Close, 20, r20);
        for (int t = 20; t < s.Count - 1; t++) Assert.Equal(r20[t] > 0 ? 1 : 0, momentum[t]);
    }
}
