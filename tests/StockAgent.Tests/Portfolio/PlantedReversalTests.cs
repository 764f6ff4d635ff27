using StockAgent.Market;
using Xunit.Abstractions;

namespace StockAgent.Tests.Portfolio;

/// <summary><see cref="SyntheticMarketOptions.CrossSectionalReversal"/>: the planted signal is visible in past prices
/// (the 5-day log return relative to the cross-section predicts the next day's relative return, negatively), and it is off
/// by default.</summary>
public class PlantedReversalTests(ITestOutputHelper output)
{
    /// <summary>Pearson correlation, pooled over symbols and days, of each symbol's 5-day log return minus the
    /// cross-sectional mean with its next day's log return minus the cross-sectional mean.</summary>
    private static double CrossSectionalCorrelation(MarketData market)
    {
        var series = market.Series.Values.ToArray();
        int n = series[0].Count;
        var xs = new List<double>();
        var ys = new List<double>();
        for (int t = 5; t < n - 1; t++)
        {
            var past = series.Select(s => Math.Log(s.Close[t] / s.Close[t - 5])).ToArray();
            var next = series.Select(s => Math.Log(s.Close[t + 1] / s.Close[t])).ToArray();
            double pm = past.Average(), nm = next.Average();
            xs.AddRange(past.Select(p => p - pm));
            ys.AddRange(next.Select(x => x - nm));
        }
        return MathNet.Numerics.Statistics.Correlation.Pearson(xs, ys);
    }

    [Theory]
    [InlineData(0.0, -0.03, 0.03)]
    [InlineData(1.0, -0.40, -0.10)]
    public void CrossSectionalReversal_IsVisibleInPastRelativeReturns(double kappa, double lo, double hi)
    {
        var market = SyntheticMarket.Generate(new SyntheticMarketOptions { Symbols = 20, Years = 4, Seed = 11, CrossSectionalReversal = kappa });
        double corr = CrossSectionalCorrelation(market);
        output.WriteLine($"kappa {kappa}: correlation {corr:F3}");
        Assert.InRange(corr, lo, hi);
    }

    [Fact]
    public void CrossSectionalReversal_OffByDefault_AndCheckedForRange()
    {
        var options = new SyntheticMarketOptions { Symbols = 6, Years = 1, Seed = 3 };
        Assert.Equal(0, options.CrossSectionalReversal);
        var a = SyntheticMarket.Generate(options);
        var b = SyntheticMarket.Generate(options with { CrossSectionalReversal = 0.5 });
        Assert.NotEqual(a.Series["S001"].Close, b.Series["S001"].Close);
        Assert.DoesNotContain("reversal", a.Source);
        Assert.Contains("reversal=0.5", b.Source);
        Assert.Contains("cross-sectional reversal", Assert.Throws<ArgumentException>(() => SyntheticMarket.Generate(options with { CrossSectionalReversal = 1.5 })).Message);
    }
}
