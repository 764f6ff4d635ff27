using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StockAgent.Backtest;
using StockAgent.Statistics;

namespace StockAgent.Tests.Statistics;

public class MetricsCalculatorTests
{
    private static double T(double pnl) => pnl;

    [Fact]
    public void Sharpe_KnownAnswer() =>
        // sqrt(252) x mean / sample std of [1%, -2%, 3%]
        Assert.Equal(4.205259864302774, MetricsCalculator.Sharpe([0.01, -0.02, 0.03]), 10);

    [Fact]
    public void Sharpe_WithRiskFreeRate_SubtractsTheDailyEquivalent() =>
        Assert.Equal(4.131265974344524, MetricsCalculator.Sharpe([0.01, -0.02, 0.03], 0.03), 10);

    [Fact]
    public void Volatility_KnownAnswer() =>
        Assert.Equal(0.3994996871087636, MetricsCalculator.Volatility([0.01, -0.02, 0.03]), 12);

    [Fact]
    public void Sortino_KnownAnswer() =>
        // downside deviation sqrt((0.01^2 + 0.02^2) / 4)
        Assert.Equal(7.099295739719538, MetricsCalculator.Sortino([0.02, -0.01, 0.03, -0.02]), 10);

    [Fact]
    public void MaxDrawdown_KnownAnswerAndDuration()
    {
        var (mdd, duration) = MetricsCalculator.MaxDrawdown([100, 120, 90, 100, 130, 65]);
        Assert.Equal(0.5, mdd, 12);
        Assert.Equal(2, duration);
    }

    [Fact]
    public void Cagr_OneYearOf21Percent()
    {
        var equity = Enumerable.Range(0, 253).Select(i => 100 * Math.Pow(1.21, i / 252.0)).ToArray();
        Assert.Equal(0.21, MetricsCalculator.Cagr(equity), 10);
        Assert.Equal(0.21, MetricsCalculator.TotalReturn(equity), 10);
    }

    [Fact]
    public void TradeStats_KnownAnswer()
    {
        var (winRate, pf, avgWin, avgLoss, expectancy) = MetricsCalculator.TradeStats([T(100), T(-50), T(30), T(-25)]);
        Assert.Equal(0.5, winRate);
        Assert.Equal(130.0 / 75, pf, 12);
        Assert.Equal(65, avgWin);
        Assert.Equal(-37.5, avgLoss);
        Assert.Equal(13.75, expectancy);
    }

    [Fact]
    public void TradeStats_AllLosses_ProfitFactorZeroWinRateZero()
    {
        var (winRate, pf, avgWin, _, _) = MetricsCalculator.TradeStats([T(-1), T(-2)]);
        Assert.Equal(0, winRate);
        Assert.Equal(0, pf);
        Assert.True(double.IsNaN(avgWin));
    }

    [Fact]
    public void TradeStats_NoTrades_AllNaN()
    {
        var stats = MetricsCalculator.TradeStats([]);
        Assert.True(double.IsNaN(stats.WinRate) && double.IsNaN(stats.ProfitFactor) && double.IsNaN(stats.Expectancy));
    }

    [Fact]
    public void Degenerate_Inputs_GiveNaNNotExceptions()
    {
        Assert.True(double.IsNaN(MetricsCalculator.Sharpe([0.01])));
        Assert.True(double.IsNaN(MetricsCalculator.Sharpe([0.01, 0.01, 0.01])));
        Assert.True(double.IsNaN(MetricsCalculator.Sortino([0.01, 0.02])));
        Assert.True(double.IsNaN(MetricsCalculator.Cagr([100])));
        Assert.True(double.IsNaN(MetricsCalculator.DailyHitRate([0, 0])));
        Assert.True(double.IsNaN(MetricsCalculator.Calmar(0.1, 0)));
        var m = MetricsCalculator.Compute([], [], 0, []);
        Assert.True(double.IsNaN(m.TotalReturn));
    }

    [Fact]
    public void DailyHitRate_IgnoresFlatDays() =>
        Assert.Equal(2.0 / 3, MetricsCalculator.DailyHitRate([0.01, 0, -0.01, 0.02, 0]), 12);

    private static Arbitrary<double[]> Returns() =>
        Gen.Choose(-500, 500).Select(x => x / 10_000.0).ArrayOf().Where(a => a.Length >= 3 && a.Distinct().Count() > 1).ToArbitrary();

    [Property(MaxTest = 200)]
    public Property Sharpe_IsUnchangedByPositiveScaling() =>
        Prop.ForAll(Returns(), Gen.Choose(1, 1000).ToArbitrary(), (r, k) =>
        {
            double scale = k / 100.0;
            double a = MetricsCalculator.Sharpe(r), b = MetricsCalculator.Sharpe(r.Select(x => x * scale).ToArray());
            return Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a));
        });

    [Property(MaxTest = 200)]
    public Property MaxDrawdown_InZeroOne_ForAnyPositiveCurve() =>
        Prop.ForAll(Returns(), r =>
        {
            var equity = new double[r.Length + 1];
            equity[0] = 100;
            for (int i = 0; i < r.Length; i++) equity[i + 1] = equity[i] * (1 + r[i]);
            var (mdd, duration) = MetricsCalculator.MaxDrawdown(equity);
            return mdd >= 0 && mdd <= 1 && duration >= 0 && duration <= r.Length;
        });
}
