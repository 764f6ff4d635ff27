using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StockAgent.Statistics;

namespace StockAgent.Tests.Statistics;

/// <summary>Growth of 1, underwater drawdown, rolling Sharpe and the fitted normal density: hand-computed and published
/// answers, and the properties that hold for any series.</summary>
public class ReturnPathsTests
{
    // r = 1%, -2%, 3%, 2%, 0%: E = 1, 1.01, 1.01 x 0.98, ... (worked by hand).
    private static readonly double[] R = [0.01, -0.02, 0.03, 0.02, 0.0];

    [Fact]
    public void Growth_KnownAnswer_StartsAtOneAndCompounds()
    {
        var e = ReturnPaths.Growth(R);
        double[] expected = [1, 1.01, 1.01 * 0.98, 1.01 * 0.98 * 1.03, 1.01 * 0.98 * 1.03 * 1.02, 1.01 * 0.98 * 1.03 * 1.02];
        Assert.Equal(expected.Length, e.Length);
        for (int i = 0; i < e.Length; i++) Assert.Equal(expected[i], e[i], 15);
        Assert.Equal(1.03988388, e[^1], 14);
        Assert.Equal([1.0], ReturnPaths.Growth([]));
    }

    [Theory]
    [InlineData("2024-01-08", "2024-01-05")] // Monday -> the Friday before
    [InlineData("2024-01-10", "2024-01-09")] // Wednesday -> Tuesday
    [InlineData("2024-01-07", "2024-01-05")] // Sunday -> Friday
    public void StartDate_IsTheWeekdayBefore(string first, string start) =>
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            ReturnPaths.StartDate(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Drawdown_InvestopediaExample()
    {
        // Investopedia, "Maximum Drawdown (MDD)": 500,000 -> 750,000 -> 400,000 -> 600,000 -> 350,000 -> 800,000 has a
        // maximum drawdown of (350,000 - 750,000) / 750,000 = -53.3%.
        double[] equity = [500_000, 750_000, 400_000, 600_000, 350_000, 800_000];
        var d = ReturnPaths.Drawdown(equity);
        double[] expected = [0, 0, 400.0 / 750 - 1, 600.0 / 750 - 1, 350.0 / 750 - 1, 0];
        for (int i = 0; i < d.Length; i++) Assert.Equal(expected[i], d[i], 15);
        Assert.Equal(-0.5333333333333333, d.Min(), 15);
        Assert.Equal(MetricsCalculator.MaxDrawdown(equity).MaxDrawdown, -d.Min(), 15);
    }

    [Fact]
    public void Drawdown_RuinIsMinusOne_NaNPropagatesOnlyWhereTheEquityIsNaN()
    {
        Assert.Equal([0, -1, -1], ReturnPaths.Drawdown(ReturnPaths.Growth([0.1, -1, 0.5]))[1..]);
        var d = ReturnPaths.Drawdown(ReturnPaths.Growth([0.1, double.NaN, 0.2]));
        Assert.Equal(0, d[1]);
        Assert.All(d[2..], x => Assert.True(double.IsNaN(x)));
        Assert.True(double.IsNaN(ReturnPaths.Drawdown([0, 0])[0]));
    }

    [Fact]
    public void RollingSharpe_KnownAnswer_Window3()
    {
        // sqrt(252) x mean / sample sd of each window: [1%, -2%, 3%] -> 4.2052598643 (MetricsCalculatorTests),
        // [-2%, 3%, 2%] -> mean 1%, variance 0.0014 / 2: sqrt(252 / 7) = 6, [3%, 2%, 0%] -> sqrt(252 / 0.84) = sqrt(300).
        var s = ReturnPaths.RollingSharpe(R, 3);
        Assert.Equal(5, s.Length);
        Assert.True(double.IsNaN(s[0]) && double.IsNaN(s[1]));
        Assert.Equal(4.205259864302774, s[2], 12);
        Assert.Equal(6, s[3], 12);
        Assert.Equal(Math.Sqrt(300), s[4], 12);
    }

    [Fact]
    public void RollingSharpe_NaNWhenTheWindowHasNoSpreadOrIsNotFull()
    {
        var s = ReturnPaths.RollingSharpe([0.01, 0.01, 0.01, 0.02], 3);
        Assert.True(double.IsNaN(s[2]));
        Assert.True(double.IsFinite(s[3]));
        Assert.All(ReturnPaths.RollingSharpe(R, 63), x => Assert.True(double.IsNaN(x)));
        Assert.Equal(63, ReturnPaths.DefaultWindow);
        Assert.Throws<ArgumentOutOfRangeException>(() => ReturnPaths.RollingSharpe(R, 1));
    }

    [Fact]
    public void NormalDensity_PublishedAndHandComputedValues()
    {
        // [-1, 0, 1] has mean 0 and sample sd 1: the standard normal, phi(0) = 1 / sqrt(2 pi), phi(1) = 0.24197 (tables).
        var standard = ReturnPaths.NormalDensity([-1, 0, 1], [0, 1, -1]);
        Assert.Equal(1 / Math.Sqrt(2 * Math.PI), standard[0], 15);
        Assert.Equal(0.24197072451914337, standard[1], 15);
        Assert.Equal(standard[1], standard[2], 15);
        // [1..5]: mean 3, sample sd sqrt(2.5); phi(3) = 1 / (sqrt(2.5) sqrt(2 pi)), phi(1) = that x exp(-4 / 5).
        var pdf = ReturnPaths.NormalDensity([1, 2, 3, 4, 5], [3, 1]);
        Assert.Equal(0.252313252202016, pdf[0], 14);
        Assert.Equal(0.11337165224497915, pdf[1], 14);
        Assert.All(ReturnPaths.NormalDensity([2, 2, 2], [2]), x => Assert.True(double.IsNaN(x)));
        Assert.All(ReturnPaths.NormalDensity([2], [2]), x => Assert.True(double.IsNaN(x)));
    }

    private static Arbitrary<double[]> Returns() =>
        Gen.Choose(-900, 900).Select(x => x / 2_000.0).ArrayOf().Where(a => a.Length >= 2).ToArbitrary();

    [Property(MaxTest = 200)]
    public Property Drawdown_InMinusOneZero_AndZeroAtEveryNewHigh() =>
        Prop.ForAll(Returns(), r =>
        {
            var e = ReturnPaths.Growth(r);
            var d = ReturnPaths.Drawdown(e);
            double peak = double.NegativeInfinity;
            for (int t = 0; t < e.Length; t++)
            {
                bool high = e[t] >= peak;
                peak = Math.Max(peak, e[t]);
                if (!(d[t] >= -1 && d[t] <= 0) || (high && d[t] != 0) || (!high && !(d[t] < 0))) return false.Label($"t = {t}: D = {d[t]}");
            }
            return (Math.Abs(-d.Min() - MetricsCalculator.MaxDrawdown(e).MaxDrawdown) < 1e-15).Label("max drawdown");
        });

    [Property(MaxTest = 200)]
    public Property Growth_EndsAtTheProductOfTheDailyFactors() =>
        Prop.ForAll(Returns(), r =>
        {
            double product = r.Aggregate(1.0, (p, x) => p * (1 + x));
            return Math.Abs(ReturnPaths.Growth(r)[^1] - product) <= 1e-12 * Math.Max(1, product);
        });

    [Property(MaxTest = 200)]
    public Property RollingSharpe_IsUnchangedByScalingTheReturns() =>
        Prop.ForAll(Returns(), Gen.Choose(1, 1000).ToArbitrary(), Gen.Choose(2, 30).ToArbitrary(), (r, k, w) =>
        {
            double c = k / 100.0;
            var a = ReturnPaths.RollingSharpe(r, w);
            var b = ReturnPaths.RollingSharpe(r.Select(x => c * x).ToArray(), w);
            return a.Zip(b).All(p => double.IsNaN(p.First) ? double.IsNaN(p.Second) : Math.Abs(p.First - p.Second) <= 1e-9 * Math.Max(1, Math.Abs(p.First)));
        });
}
