using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StockAgent.Features;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Features;

public class PriceFeaturesTests
{
    [Property(MaxTest = 60)]
    public Property Features_AtT_IgnoreBarsAfterT() =>
        Prop.ForAll(RandomSeries.SeedBarsAndCut(30, 400), c =>
        {
            var s = RandomSeries.Walk(c.Seed, c.Bars);
            var perturbed = RandomSeries.PerturbAfter(s, c.T, c.Seed);
            var a = PriceFeatures.Compute(s.Close);
            var b = PriceFeatures.Compute(perturbed.Close);
            int f = PriceFeatures.Count;
            return a.AsSpan(0, (c.T + 1) * f).SequenceEqual(b.AsSpan(0, (c.T + 1) * f));
        });

    [Fact]
    public void Features_KnownValues()
    {
        var closes = Enumerable.Range(0, 300).Select(i => 100.0 * Math.Pow(1.01, i)).ToArray();
        var m = PriceFeatures.Compute(closes);
        int f = PriceFeatures.Count, t = 299;
        Assert.Equal(Math.Log(1.01), m[t * f + 0], 5);
        Assert.Equal(5 * Math.Log(1.01), m[t * f + 1], 5);
        Assert.Equal(0, m[t * f + 4], 5);                    // constant growth: no volatility
        Assert.Equal(0.5, m[t * f + 8], 5);                   // only gains: RSI 100
        Assert.Equal(0, m[t * f + 9], 6);                     // at the 52-week high
        Assert.Equal(0, m[5 * f + 2]);                        // 20-day return needs 20 bars
    }
}
