using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StockAgent.Market;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Market;

public class RegimeLabelerTests
{
    [Fact]
    public void Label_SteadyUptrend_IsBullLowVol() =>
        Assert.Equal("bull-low-vol", RegimeLabeler.Label(SeriesBuilder.Trend(60, 0.002), 0, 59).ToString());

    [Fact]
    public void Label_SteadyDowntrend_IsBearLowVol() =>
        Assert.Equal("bear-low-vol", RegimeLabeler.Label(SeriesBuilder.Trend(60, -0.002), 0, 59).ToString());

    [Fact]
    public void Label_FlatSmallNoise_IsSidewaysLowVol() =>
        Assert.Equal("sideways-low-vol", RegimeLabeler.Label(SeriesBuilder.Trend(60, 0, 0.002), 0, 59).ToString());

    [Fact]
    public void Label_FlatLargeNoise_IsSidewaysHighVol() =>
        Assert.Equal("sideways-high-vol", RegimeLabeler.Label(SeriesBuilder.Trend(60, 0, 0.03), 0, 59).ToString());

    [Fact]
    public void Label_CustomThresholds_AreUsed()
    {
        var s = SeriesBuilder.Trend(60, 0.0005); // 12.6% a year
        Assert.Equal(TrendRegime.Sideways, RegimeLabeler.Label(s, 0, 59).Trend);
        Assert.Equal(TrendRegime.Bull, RegimeLabeler.Label(s, 0, 59, new RegimeThresholds { Trend = 0.10 }).Trend);
    }

    [Fact]
    public void RealizedVolatility_KnownAnswer()
    {
        // log returns +a, -a, +a, -a: mean 0, sample variance 4a^2/3.
        double a = 0.01;
        var closes = new[] { 100, 100 * Math.Exp(a), 100, 100 * Math.Exp(a), 100 };
        double expected = Math.Sqrt(4 * a * a / 3 * 252);
        Assert.Equal(expected, RegimeLabeler.RealizedVolatility(closes, 0, 4), 12);
        Assert.True(double.IsNaN(RegimeLabeler.RealizedVolatility(closes, 0, 1)));
    }

    [Fact]
    public void Parse_RoundTripsEveryRegime_AndRejectsGarbage()
    {
        foreach (var r in MarketRegime.All) Assert.Equal(r, MarketRegime.Parse(r.ToString()));
        Assert.Equal(6, MarketRegime.All.Count);
        var ex = Assert.Throws<FormatException>(() => MarketRegime.Parse("bullish"));
        Assert.Contains("bull-high-vol", ex.Message);
    }

    [Fact]
    public void Label_WindowOutsideSeries_NamesSymbolAndRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RegimeLabeler.Label(SeriesBuilder.Trend(10, 0), 5, 12));
        Assert.Contains("TEST", ex.Message);
    }

    [Property(MaxTest = 50)]
    public Property LabelCausal_IgnoresBarsAfterT() =>
        Prop.ForAll(Gen.Choose(1, 10_000).ToArbitrary(), Gen.Choose(5, 150).ToArbitrary(), (seed, t) =>
        {
            var market = SyntheticMarket.Generate(new SyntheticMarketOptions { Symbols = 1, Sectors = 1, Years = 1, Seed = seed });
            var s = market.Series.Values.Single();
            var closes = (double[])s.Close.Clone();
            var rng = new Random(seed);
            for (int i = t + 1; i < closes.Length; i++) closes[i] *= 0.5 + rng.NextDouble();
            var perturbed = SeriesBuilder.FromCloses("P", closes);
            var original = SeriesBuilder.FromCloses("P", s.Close);
            return RegimeLabeler.LabelCausal(original, t, 60) == RegimeLabeler.LabelCausal(perturbed, t, 60);
        });

    [Fact]
    public void Label_RecoversPlantedRegimesOfTheSyntheticMarket()
    {
        // Fixed seeds: a property over random seeds flaked, because a single 20-year market can fall
        // in the tail (seed 247153 scored trend 45%). Measured over seeds 1-400: pooled trend 67.6%,
        // volatility 93.3%; worst single seed trend 43%, volatility 80% (chance: 33% and 50%).
        int windows = 0, trend = 0, vol = 0;
        for (int seed = 1; seed <= 100; seed++)
        {
            var truth = SyntheticMarket.GenerateWithTruth(new SyntheticMarketOptions { Symbols = 1, Sectors = 1, Years = 20, Seed = seed });
            var index = truth.Data.Benchmark!;
            int w = 0, t = 0, v = 0;
            for (int s = 0; s + 60 < index.Count; s += 10)
            {
                var r = truth.DailyRegime[s];
                if (!truth.DailyRegime.AsSpan(s, 60).ToArray().All(x => x == r)) continue;
                var label = RegimeLabeler.Label(index, s, s + 59);
                w++;
                if (label.Trend == r.Trend) t++;
                if (label.Volatility == r.Volatility) v++;
            }
            Assert.True(w >= 50 && t > 0.40 * w && v > 0.75 * w, $"seed {seed}: {w} windows, trend {t}, vol {v}");
            windows += w; trend += t; vol += v;
        }
        Assert.True(trend >= 0.62 * windows, $"pooled trend accuracy {(double)trend / windows:P1}");
        Assert.True(vol >= 0.90 * windows, $"pooled volatility accuracy {(double)vol / windows:P1}");
    }
}
