using StockAgent.Statistics;

namespace StockAgent.Tests.Statistics;

public class MonteCarloTests
{
    [Fact]
    public void RandomTiming_PerfectTiming_HasTheSmallestPossiblePValue()
    {
        // 10 up-blocks of 5 days (+1%) separated by 15 down days (-1%); the agent is long exactly on the up days.
        var asset = new double[200];
        var exposure = new double[200];
        for (int t = 0; t < 200; t++)
        {
            bool up = t % 20 < 5;
            asset[t] = up ? 0.01 : -0.01;
            exposure[t] = up ? 1 : 0;
        }
        var result = MonteCarlo.RandomTiming(asset, exposure, 999, 1);
        Assert.Equal(10, result.Trades);
        Assert.Equal(50, result.DaysInMarket);
        Assert.Equal(Math.Pow(1.01, 50) - 1, result.ActualReturn, 12);
        Assert.Equal(1.0 / 1000, result.PValue, 12);
        Assert.True(result.MeanRandomReturn < result.ActualReturn);
    }

    [Fact]
    public void RandomTiming_WhenTimingCannotMatter_PIsOne()
    {
        var asset = Enumerable.Repeat(0.002, 100).ToArray();
        var exposure = Enumerable.Range(0, 100).Select(t => t % 10 < 3 ? 0.5 : 0).ToArray();
        var result = MonteCarlo.RandomTiming(asset, exposure, 500, 2);
        Assert.Equal(1, result.PValue, 12);
        Assert.Equal(result.ActualReturn, result.MeanRandomReturn, 12);
        Assert.True(double.IsNaN(MonteCarlo.RandomTiming(asset, new double[100], 10).PValue)); // no trades: nothing to test
    }

    [Fact]
    public void Placements_KeepEveryTradeAndItsExposure_AndNeverOverlap()
    {
        double[] exposure = [0, 1, 1, 0.5, 0, 0, -1, -1, 0, 0, 0, 1, 0, 0.25, 0.25, 0.25, 0, 0, -0.5, 0];
        var trades = MonteCarlo.Trades(exposure);
        Assert.Equal(5, trades.Count); // [1, 1, 0.5], [-1, -1], [1], [0.25 x 3], [-0.5]
        var placer = new MonteCarlo.TradePlacer(trades, exposure.Length);
        var rng = new Random(9);
        var expected = trades.Select(t => string.Join(",", t)).Order().ToArray();
        for (int s = 0; s < 2000; s++)
        {
            var placed = placer.Place(rng);
            var found = MonteCarlo.Trades(placed);
            // Two adjacent same-sign trades would merge into one run; compare their exposure in total instead.
            Assert.Equal(exposure.Sum(), placed.Sum(), 12);
            Assert.Equal(exposure.Count(e => e != 0), placed.Count(e => e != 0));
            if (found.Count == trades.Count) Assert.Equal(expected, found.Select(t => string.Join(",", t)).Order().ToArray());
        }
    }

    [Fact]
    public void Placements_AreUniform()
    {
        // One 3-day trade in 10 days: 8 possible starts, each with probability 1/8. 80,000 placements (fixed seed):
        // measured counts 9,842..10,155.
        var placer = new MonteCarlo.TradePlacer([[1, 1, 1]], 10);
        var rng = new Random(4);
        var counts = new int[8];
        for (int s = 0; s < 80_000; s++) counts[Array.IndexOf(placer.Place(rng), 1.0)]++;
        Assert.All(counts, c => Assert.InRange(c, 9_700, 10_300));
    }

    [Fact]
    public void EquityPaths_QuantilesAreOrdered()
    {
        var rs = new NumpyRandomState(8);
        var r = Enumerable.Range(0, 504).Select(_ => 0.0003 + 0.012 * rs.StandardNormal()).ToArray();
        var draws = StationaryBootstrap.Returns(r, new BootstrapOptions { Resamples = 2000 });
        var (mdd, final) = MonteCarlo.EquityPaths(draws);
        foreach (var d in new[] { mdd, final })
        {
            Assert.Equal(2000, d.Draws);
            Assert.True(d.P05 <= d.P25 && d.P25 <= d.P50 && d.P50 <= d.P75 && d.P75 <= d.P95);
        }
        Assert.InRange(mdd.P05, 0, 1);
        Assert.InRange(mdd.P95, 0, 1);
        Assert.True(final.P05 > -1);
    }

    [Fact]
    public void RandomTiming_BadInput_NamesTheParameter()
    {
        Assert.Equal("exposure", Assert.Throws<ArgumentException>(() => MonteCarlo.RandomTiming([0.01, 0.02], [1])).ParamName);
        Assert.Equal("simulations", Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarlo.RandomTiming([0.01], [1], 0)).ParamName);
    }
}
