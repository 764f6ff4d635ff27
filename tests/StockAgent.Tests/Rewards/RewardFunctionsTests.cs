using StockAgent.Experience;
using StockAgent.Rewards;

namespace StockAgent.Tests.Rewards;

public class RewardFunctionsTests
{
    private static EpisodeStats S(double pnl = 0, double sharpe = 0, double winRate = 0, double mdd = 0, double ret = 0, double vol = 0.2, double exposure = 0.5, double dsr = 0) =>
        new(pnl, ret, sharpe, mdd, 4, winRate, exposure, vol, 10_000, 0.01, 0.5, dsr);

    [Theory]
    [InlineData(0, 0, 0, 0, 0.5)]                       // base only
    [InlineData(200, 0, 0, 0, 0.6)]                     // 0.5 + 200/2000
    [InlineData(200, 1.2, 0, 0, 0.69)]                  // x1.15 for Sharpe > 1.0
    [InlineData(200, 1.6, 0, 0, 0.78)]                  // x1.3 for Sharpe > 1.5 (not both)
    [InlineData(200, 1.6, 0.6, 0, 0.936)]               // x1.3 x1.2
    [InlineData(200, 0, 0.6, 0.2, 0.504)]               // x1.2 x0.7
    [InlineData(2000, 2, 0.9, 0, 1.0)]                  // clipped at 1
    [InlineData(-3000, 0, 0, 0, 0.0)]                   // clipped at 0
    [InlineData(0, 1.0, 0.55, 0.15, 0.5)]               // thresholds are strict
    public void Composite_HandComputedCases(double pnl, double sharpe, double winRate, double mdd, double expected) =>
        Assert.Equal(expected, RewardFunctions.Composite(S(pnl, sharpe, winRate, mdd)), 12);

    [Fact]
    public void Composite_NaNSharpeAndWinRate_DoNotEarnMultipliers() =>
        Assert.Equal(0.6, RewardFunctions.Composite(S(200, double.NaN, double.NaN)), 12);

    [Fact]
    public void BuiltIns_RewardBetterEpisodesMore()
    {
        var good = S(pnl: 500, sharpe: 2, winRate: 0.7, mdd: 0.02, ret: 0.05, dsr: 2);
        var bad = S(pnl: -500, sharpe: -1, winRate: 0.2, mdd: 0.2, ret: -0.05, dsr: -2);
        foreach (var name in RewardFunctions.Names)
            Assert.True(RewardFunctions.ByName(name)(good) > RewardFunctions.ByName(name)(bad), name);
    }

    [Fact]
    public void DrawdownPenalised_PrefersTheSmallerDrawdownAtEqualReturn() =>
        Assert.True(RewardFunctions.DrawdownPenalised(S(ret: 0.05, mdd: 0.01)) > RewardFunctions.DrawdownPenalised(S(ret: 0.05, mdd: 0.1)));

    [Fact]
    public void ByName_Unknown_ListsTheBuiltIns()
    {
        var ex = Assert.Throws<ArgumentException>(() => RewardFunctions.ByName("alpha"));
        Assert.Contains("composite", ex.Message);
    }

    [Fact]
    public void InlineDelegate_IsARewardFunction()
    {
        RewardFunction mine = s => s.Return - 0.5 * s.MaxDrawdown;
        Assert.Equal(0.05 - 0.05, mine(S(ret: 0.05, mdd: 0.1)), 12);
    }
}
