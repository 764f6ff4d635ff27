using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StockAgent.Features;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Features;

public class PriceFeaturesTests
{
    private static readonly int F = PriceFeatures.Count;

    private static int Column(string name) => PriceFeatures.Names.ToList().IndexOf(name);

    private static float[] Compute(double[] closes, double[]? volumes = null) =>
        PriceFeatures.Compute(closes, volumes ?? Enumerable.Repeat(1000.0, closes.Length).ToArray());

    [Property(MaxTest = 60)]
    public Property Compute_BarsAfterTChange_FeaturesUpToTUnchanged() =>
        Prop.ForAll(RandomSeries.SeedBarsAndCut(30, 400), c =>
        {
            var s = RandomSeries.Walk(c.Seed, c.Bars);
            var perturbed = RandomSeries.PerturbAfter(s, c.T, c.Seed);
            var a = PriceFeatures.Compute(s.Close, s.Volume);
            var b = PriceFeatures.Compute(perturbed.Close, perturbed.Volume);
            return a.AsSpan(0, (c.T + 1) * F).SequenceEqual(b.AsSpan(0, (c.T + 1) * F));
        });

    [Fact]
    public void Compute_ConstantGrowth_KnownValues()
    {
        var closes = Enumerable.Range(0, 300).Select(i => 100.0 * Math.Pow(1.01, i)).ToArray();
        var m = Compute(closes);
        int t = 299;
        Assert.Equal(Math.Log(1.01), m[t * F + 0], 5);
        Assert.Equal(5 * Math.Log(1.01), m[t * F + 1], 5);
        Assert.Equal(0, m[t * F + 4], 5);                    // constant growth: no volatility
        Assert.Equal(0.5, m[t * F + 8], 5);                   // only gains: RSI 100
        Assert.Equal(0, m[t * F + 9], 6);                     // at the 52-week high
        Assert.Equal(0, m[5 * F + 2]);                        // 20-day return needs 20 bars
        Assert.True(m[t * F + Column("macd")] > 0);          // rising: the fast EMA is above the slow one
        Assert.Equal(0, m[24 * F + Column("macd")]);          // MACD needs 26 bars
        Assert.Equal(0, m[32 * F + Column("macd_hist")]);     // its histogram 26 + 9 - 1
    }

    [Fact]
    public void Compute_ConstantPrice_MacdAndBollingerAreZero()
    {
        var m = Compute(Enumerable.Repeat(37.3, 120).ToArray());
        for (int t = 0; t < 120; t++)
        {
            Assert.Equal(0, m[t * F + Column("macd")]);
            Assert.Equal(0, m[t * F + Column("macd_hist")]);
            Assert.Equal(0, m[t * F + Column("bb_pctb")]);  // no spread: 0, not NaN
            Assert.Equal(0, m[t * F + Column("volume_z")]); // constant volume
        }
    }

    [Fact]
    public void Compute_MacdLine_MatchesEmaDifferenceOverClose()
    {
        var closes = RandomSeries.Walk(5, 80).Close;
        double e12 = closes[0], e26 = closes[0];
        for (int t = 1; t <= 60; t++) { e12 += 2.0 / 13 * (closes[t] - e12); e26 += 2.0 / 27 * (closes[t] - e26); }
        Assert.Equal((e12 - e26) / closes[60], Compute(closes)[60 * F + Column("macd")], 6);
    }

    [Fact]
    public void Compute_CloseAtUpperBollingerBand_PercentBIsPlusHalf()
    {
        // 19 closes, then the one close x with x = SMA20 + 2 sample std of the 20 closes including x.
        var closes = Enumerable.Range(0, 19).Select(i => 100 + (i % 3) - 0.5 * (i % 2)).ToList();
        double mu = closes.Average(), ss = closes.Sum(c => (c - mu) * (c - mu));
        // Adding x = mu + d: mean = mu + d/20, deviation 19d/20, sum of squares ss + 19d^2/20; solve 19d/20 = 2 sqrt(that / 19).
        double d = Math.Sqrt(4 * ss / 19 / (0.9025 - 0.2));
        closes.Add(mu + d);
        var m = Compute([.. closes]);
        Assert.Equal(0.5, m[19 * F + Column("bb_pctb")], 5);
        Assert.Equal(0, m[18 * F + Column("bb_pctb")]);       // needs 20 closes
    }

    [Fact]
    public void Compute_VolumeZScore_AgainstTheLast20LogVolumes()
    {
        // log(1 + volume) = 1, 2, ..., 20: mean 10.5, sample std sqrt(35); the last is 9.5 above the mean.
        var volumes = Enumerable.Range(1, 20).Select(k => Math.Exp(k) - 1).ToArray();
        var m = Compute(Enumerable.Repeat(50.0, 20).ToArray(), volumes);
        Assert.Equal(9.5 / Math.Sqrt(35), m[19 * F + Column("volume_z")], 5);
        Assert.Equal(0, m[18 * F + Column("volume_z")]);      // needs 20 bars
    }

    [Fact]
    public void Compute_VolumeOfOtherLength_IsAClearError()
    {
        var ex = Assert.Throws<ArgumentException>(() => PriceFeatures.Compute(new double[10], new double[9]));
        Assert.Equal("volume", ex.ParamName);
    }

    [Fact]
    public void Compute_Columns_AreTheIndicatorKernelsOutputs()
    {
        // PriceFeatures advances the kernels' cursors in one pass; its columns must be the span kernels' numbers.
        var s = RandomSeries.Walk(8, 400);
        int n = s.Count;
        var m = PriceFeatures.Compute(s.Close, s.Volume);
        double[] K(Action<double[]> kernel) { var d = new double[n]; kernel(d); return d; }
        var daily = K(d => LogReturn.Compute(s.Close, 1, d));
        var vol20 = new double[n];
        vol20[0] = double.NaN;
        RollingVolatility.Compute(daily.AsSpan(1), 20, vol20.AsSpan(1));
        double[] macd = new double[n], signal = new double[n], histogram = new double[n];
        Macd.Compute(s.Close, 12, 26, 9, macd, signal, histogram);
        var logVolume = s.Volume.Select(v => Math.Log(1 + v)).ToArray();
        var expected = new (string Name, Func<int, double> Value)[]
        {
            ("ret_1", t => daily[t]),
            ("ret_20", t => K(d => LogReturn.Compute(s.Close, 20, d))[t]),
            ("vol_20", t => vol20[t]),
            ("sma50_gap", t => s.Close[t] / K(d => Sma.Compute(s.Close, 50, d))[t] - 1),
            ("rsi_14", t => K(d => Rsi.Compute(s.Close, 14, d))[t] / 100 - 0.5),
            ("dist_52w_high", t => s.Close[t] / K(d => RollingMax.Compute(s.Close, 252, d))[t] - 1),
            ("macd", t => macd[t] / s.Close[t]),
            ("macd_hist", t => histogram[t] / s.Close[t]),
            ("volume_z", t => K(d => BollingerBands.ZScore(logVolume, 20, d))[t]),
        };
        foreach (var (name, value) in expected)
            foreach (int t in new[] { 0, 13, 14, 19, 20, 49, 60, 251, 399 })
            {
                double v = value(t);
                Assert.True((double.IsNaN(v) ? 0f : (float)v) == m[t * F + Column(name)], $"{name} at {t}: {m[t * F + Column(name)]} vs the kernel's {v}");
            }
    }
}
