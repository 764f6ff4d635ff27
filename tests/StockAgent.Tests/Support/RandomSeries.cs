using FsCheck;
using FsCheck.Fluent;
using StockAgent.Market;

namespace StockAgent.Tests.Support;

/// <summary>FsCheck generators of valid random daily price series.</summary>
public static class RandomSeries
{
    /// <summary>A random walk of closes with bracketing open/high/low and log-normal volumes (drawn from their own
    /// generator, so the prices depend on the seed only).</summary>
    public static PriceSeries Walk(int seed, int bars, double dailyVol = 0.02, string symbol = "RND")
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
        var volumeRng = new Random(seed ^ 0x2545F491);
        var volume = Enumerable.Range(0, bars).Select(_ => Math.Round(1e5 * Math.Exp(0.5 * Gaussian(volumeRng)))).ToArray();
        return new PriceSeries(symbol, SeriesBuilder.Dates(bars), open, high, low, close, volume);
    }

    /// <summary>The same series with every bar after <paramref name="t"/> replaced by other valid prices and volumes.</summary>
    public static PriceSeries PerturbAfter(PriceSeries s, int t, int seed)
    {
        var other = Walk(seed ^ 0x5bd1e995, s.Count, 0.05);
        double scale = s.Count == 0 || t < 0 ? 1 : s.Close[Math.Min(t, s.Count - 1)] / other.Close[Math.Min(t, s.Count - 1)];
        double[] Mix(double[] a, double[] b, double k) => a.Select((v, i) => i <= t ? v : b[i] * k).ToArray();
        return new PriceSeries(s.Symbol, s.Dates, Mix(s.Open, other.Open, scale), Mix(s.High, other.High, scale), Mix(s.Low, other.Low, scale),
            Mix(s.Close, other.Close, scale), Mix(s.Volume, other.Volume, 3));
    }

    /// <summary>The same series with every bar dated after <paramref name="date"/> replaced (see <see cref="PerturbAfter"/>).</summary>
    public static PriceSeries PerturbAfter(PriceSeries s, DateOnly date, int seed) => PerturbAfter(s, s.IndexOnOrAfter(date.AddDays(1)) - 1, seed);

    /// <summary>The bars of <paramref name="s"/> whose index passes <paramref name="keep"/> (another calendar).</summary>
    public static PriceSeries Keep(PriceSeries s, Func<int, bool> keep)
    {
        var idx = Enumerable.Range(0, s.Count).Where(keep).ToArray();
        T[] Pick<T>(T[] a) => idx.Select(i => a[i]).ToArray();
        return new PriceSeries(s.Symbol, Pick(s.Dates), Pick(s.Open), Pick(s.High), Pick(s.Low), Pick(s.Close), Pick(s.Volume));
    }

    public static Arbitrary<(int Seed, int Bars, int T)> SeedBarsAndCut(int minBars = 30, int maxBars = 400) =>
        (from seed in Gen.Choose(0, 1_000_000)
         from bars in Gen.Choose(minBars, maxBars)
         from t in Gen.Choose(1, bars - 2)
         select (seed, bars, t)).ToArbitrary();

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
