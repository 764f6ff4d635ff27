using StockAgent.Statistics;

namespace StockAgent.Tests.Statistics;

public class StationaryBootstrapTests
{
    private static double[] Normal(int seed, int n, double mean = 0.0005, double sd = 0.01)
    {
        var rs = new NumpyRandomState((uint)seed);
        return Enumerable.Range(0, n).Select(_ => mean + sd * rs.StandardNormal()).ToArray();
    }

    [Fact]
    public void Indices_BlocksAreGeometricWithTheMeanLength_AndWrapAround()
    {
        var rng = new Random(5);
        var idx = new int[200_000];
        StationaryBootstrap.Indices(1000, 5, rng, idx);
        int runs = 1;
        bool wrapped = false;
        for (int t = 1; t < idx.Length; t++)
        {
            bool next = idx[t] == (idx[t - 1] + 1) % 1000;
            if (!next) runs++;
            if (next && idx[t] == 0) wrapped = true;
        }
        // Measured: mean run 5.01 (a fresh start lands on prev + 1 with chance 1/1000, merging two runs).
        Assert.InRange((double)idx.Length / runs, 4.85, 5.15);
        Assert.True(wrapped);
        Assert.All(idx, i => Assert.InRange(i, 0, 999));
    }

    [Fact]
    public void Returns_SameSeedSameDraws_OtherSeedOtherDraws_AndPrefixStable()
    {
        var r = Normal(1, 300);
        var a = StationaryBootstrap.Returns(r, new BootstrapOptions { Resamples = 1000, Seed = 3 });
        var b = StationaryBootstrap.Returns(r, new BootstrapOptions { Resamples = 1000, Seed = 3 });
        var c = StationaryBootstrap.Returns(r, new BootstrapOptions { Resamples = 1000, Seed = 4 });
        var prefix = StationaryBootstrap.Returns(r, new BootstrapOptions { Resamples = 600, Seed = 3 });
        Assert.Equal(a.Sharpe, b.Sharpe);
        Assert.Equal(a.MaxDrawdown, b.MaxDrawdown);
        Assert.NotEqual(a.Sharpe, c.Sharpe);
        Assert.Equal(a.Sharpe.Take(600), prefix.Sharpe);
    }

    [Fact]
    public void Returns_DrawsAreComputedByMetricsCalculatorOnTheResampledPath()
    {
        // Mean block length 1e9: every resample is one block, a rotation of the series, with the same returns and
        // hence the same Sharpe and total return as the original.
        var r = Normal(2, 100);
        var draws = StationaryBootstrap.Returns(r, new BootstrapOptions { Resamples = 50, MeanBlockLength = 1e9 });
        double sharpe = MetricsCalculator.Sharpe(r), total = r.Aggregate(1.0, (e, x) => e * (1 + x)) - 1;
        Assert.All(draws.Sharpe, s => Assert.Equal(sharpe, s, 10));
        Assert.All(draws.TotalReturn, t => Assert.Equal(total, t, 10));
        Assert.All(draws.MaxDrawdown, m => Assert.InRange(m, 0, 1));
    }

    [Fact]
    public void Intervals_ContainThePointEstimate_AndCoverTheTrueSharpe()
    {
        // 120 IID normal series of 252 days with true annualised Sharpe sqrt(252) x 0.05 = 0.794 (fixed seeds),
        // 500 resamples each. Measured: the Sharpe interval holds the point estimate in 120 of 120 series, the max
        // drawdown interval in 120 of 120, and the true Sharpe in 115 of 120 (95.8%; a percentile interval's nominal 95%).
        double trueSharpe = Math.Sqrt(252) * 0.05;
        int holdsPoint = 0, holdsDrawdown = 0, coversTruth = 0;
        const int series = 120;
        for (int s = 0; s < series; s++)
        {
            var r = Normal(1000 + s, 252, 0.0005, 0.01);
            var draws = StationaryBootstrap.Returns(r, new BootstrapOptions { Resamples = 500, Seed = s });
            var equity = new double[r.Length + 1];
            equity[0] = 1;
            for (int t = 0; t < r.Length; t++) equity[t + 1] = equity[t] * (1 + r[t]);
            if (draws.SharpeInterval().Contains(MetricsCalculator.Sharpe(r))) holdsPoint++;
            if (draws.MaxDrawdownInterval().Contains(MetricsCalculator.MaxDrawdown(equity).MaxDrawdown)) holdsDrawdown++;
            if (draws.SharpeInterval().Contains(trueSharpe)) coversTruth++;
        }
        Assert.True(holdsPoint >= 117, $"point Sharpe inside its interval in {holdsPoint} of {series}");
        Assert.True(holdsDrawdown >= 114, $"point max drawdown inside its interval in {holdsDrawdown} of {series}");
        Assert.InRange(coversTruth, 105, 120); // 95% of 120 is 114, one standard deviation 2.4
    }

    [Fact]
    public void TradeWinRates_ResampleTheTrades()
    {
        double[] pnl = [10, -5, 3, -2, 8, -1, 4, 6, -7, 2];
        var (rates, block) = StationaryBootstrap.TradeWinRates(pnl, new BootstrapOptions { Resamples = 2000 });
        Assert.Equal(1, block); // fewer than 16 trades: the IID bootstrap
        Assert.All(rates, w => Assert.Contains(w, Enumerable.Range(0, 11).Select(k => k / 10.0)));
        Assert.Equal(0.6, rates.Average(), 1);
    }

    [Fact]
    public void BadOptions_NameTheParameter()
    {
        Assert.Equal("Resamples", Assert.Throws<ArgumentOutOfRangeException>(() => StationaryBootstrap.Returns([0.01, 0.02, 0.03], new BootstrapOptions { Resamples = 0 })).ParamName);
        Assert.Equal("MeanBlockLength", Assert.Throws<ArgumentOutOfRangeException>(() => StationaryBootstrap.Returns([0.01, 0.02, 0.03], new BootstrapOptions { MeanBlockLength = 0.5 })).ParamName);
        Assert.Equal("returns", Assert.Throws<ArgumentException>(() => StationaryBootstrap.Returns([0.01], new BootstrapOptions())).ParamName);
    }

    [Fact]
    public void Xoshiro256_IsSeededUniformAndInRange()
    {
        var a = new Xoshiro256Random(42);
        var b = new Xoshiro256Random(42);
        Assert.Equal(Enumerable.Range(0, 20).Select(_ => a.NextDouble()), Enumerable.Range(0, 20).Select(_ => b.NextDouble()));
        var counts = new int[7];
        for (int i = 0; i < 70_000; i++) counts[a.Next(7)]++;
        Assert.All(counts, c => Assert.InRange(c, 9_600, 10_400)); // 10,000 +- 4 standard deviations
        for (int i = 0; i < 10_000; i++) Assert.InRange(a.NextDouble(), 0, 1 - 1e-17);
        Assert.Equal(0, a.Next(1));
        Assert.InRange(a.Next(-3, 3), -3, 2);
    }
}
