using FsCheck;
using FsCheck.Fluent;
using StockAgent.Market;

namespace StockAgent.Tests.Support;

/// <summary>FsCheck generators of valid random daily price series.</summary>
public static class RandomSeries
{
    public static PriceSeries Walk(int seed, int bars, double dailyVol = 0.02)
    {
        var rng = new Random(seed);
        var open = new double[bars]; var high = new double[bars]; var low = new double[bars]; var close = new double[bars];
        double prev = 50 + 100 * rng.NextDouble();
        for (int i = 0; i < bars; i++)
        {
            double o = prev * Math.Exp(dailyVol / 3 * Gaussian(rng));
            double c = o * Math.Exp(dailyVol * Gaussian(rng));
            open[i] = o; close[i] = c;
            high[i] = Math.Max(o, c) * (1 + 0.01 * rng.NextDouble());
            low[i] = Math.Min(o, c) * (1 - 0.01 * rng.NextDouble());
            prev = c;
        }
        return new PriceSeries("RND", SeriesBuilder.Dates(bars), open, high, low, close, Enumerable.Repeat(1e5, bars).ToArray());
    }

    /// <summary>The same series with every bar after <paramref name="t"/> replaced by other valid prices.</summary>
    public static PriceSeries PerturbAfter(PriceSeries s, int t, int seed)
    {
        var other = Walk(seed ^ 0x5bd1e995, s.Count, 0.05);
        double scale = s.Close[Math.Min(t, s.Count - 1)] / other.Close[Math.Min(t, s.Count - 1)];
        double[] Mix(double[] a, double[] b) => a.Select((v, i) => i <= t ? v : b[i] * scale).ToArray();
        return new PriceSeries(s.Symbol, s.Dates, Mix(s.Open, other.Open), Mix(s.High, other.High), Mix(s.Low, other.Low),
            Mix(s.Close, other.Close), s.Volume);
    }

    public static Arbitrary<(int Seed, int Bars, int T)> SeedBarsAndCut(int minBars = 30, int maxBars = 400) =>
        (from seed in Gen.Choose(0, 1_000_000)
         from bars in Gen.Choose(minBars, maxBars)
         from t in Gen.Choose(1, bars - 2)
         select (seed, bars, t)).ToArbitrary();

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
