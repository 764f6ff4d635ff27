namespace StockAgent.Statistics;

/// <summary>
/// The stationary bootstrap of Politis and Romano (1994), "The stationary bootstrap", JASA 89(428): a resample of
/// length n starts at a uniform index; each next index is, with probability p = 1 / (mean block length), a fresh uniform
/// index, and otherwise the previous index + 1, wrapping from n - 1 to 0. Block lengths are therefore geometric with
/// mean 1/p, and the resampled series is stationary. The mean block length defaults to Politis and White's
/// (<see cref="BlockLengthSelector"/>).
/// <para>Reproducible: resamples are drawn in fixed chunks of <see cref="ChunkSize"/>, chunk c from its own
/// xoshiro256** generator seeded with SeedMixer.Mix(seed, stream, c), so the draws depend on the seed only, not on the
/// number of threads.</para>
/// </summary>
public static class StationaryBootstrap
{
    public const int ChunkSize = 250;

    private const long ReturnsStream = 0x5B0, TradesStream = 0x7AD;

    /// <summary>Writes one resample of the indices 0..n-1 into <paramref name="into"/> (any length).</summary>
    public static void Indices(int n, double meanBlockLength, Random rng, Span<int> into)
    {
        var source = new SystemSource(rng);
        Fill(n, meanBlockLength, ref source, into);
    }

    internal static void Indices(int n, double meanBlockLength, Xoshiro256Random rng, Span<int> into)
    {
        var source = new XoshiroSource(rng);
        Fill(n, meanBlockLength, ref source, into);
    }

    private static void Fill<T>(int n, double meanBlockLength, ref T rng, Span<int> into) where T : struct, IUniformSource
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be at least 1.");
        if (!(meanBlockLength >= 1)) throw new ArgumentOutOfRangeException(nameof(meanBlockLength), meanBlockLength, "the mean block length must be at least 1.");
        if (into.Length == 0) return;
        double p = 1 / meanBlockLength;
        int i = rng.Next(n);
        into[0] = i;
        for (int t = 1; t < into.Length; t++)
        {
            i = rng.NextDouble() < p ? rng.Next(n) : (i + 1 == n ? 0 : i + 1);
            into[t] = i;
        }
    }

    /// <summary>Uniform draws from a generator, as a struct so the resampling loop is specialised per generator.</summary>
    private interface IUniformSource
    {
        double NextDouble();

        int Next(int maxValue);
    }

    private readonly struct SystemSource(Random rng) : IUniformSource
    {
        public double NextDouble() => rng.NextDouble();

        public int Next(int maxValue) => rng.Next(maxValue);
    }

    private readonly struct XoshiroSource(Xoshiro256Random rng) : IUniformSource
    {
        public double NextDouble() => rng.NextDouble();

        public int Next(int maxValue) => rng.Next(maxValue);
    }

    /// <summary>Resamples daily simple returns and computes, per resample, the annualised Sharpe, CAGR, max drawdown and
    /// total return of the equity path 1, (1 + r*_1), (1 + r*_1)(1 + r*_2), ...</summary>
    public static BootstrapDraws Returns(ReadOnlySpan<double> returns, BootstrapOptions options)
    {
        options.Validate();
        if (returns.Length < 2) throw new ArgumentException($"the bootstrap needs at least 2 returns, got {returns.Length}.", nameof(returns));
        var data = returns.ToArray();
        double block = options.MeanBlockLength ?? BlockLengthSelector.Estimate(data).Stationary;
        int m = options.Resamples, n = data.Length;
        var sharpe = new double[m];
        var cagr = new double[m];
        var mdd = new double[m];
        var total = new double[m];
        ForEachChunk(m, options.Seed, ReturnsStream, (rng, from, to) =>
        {
            var idx = new int[n];
            var sample = new double[n];
            var equity = new double[n + 1];
            for (int k = from; k < to; k++)
            {
                Indices(n, block, rng, idx);
                equity[0] = 1;
                for (int t = 0; t < n; t++)
                {
                    sample[t] = data[idx[t]];
                    equity[t + 1] = equity[t] * (1 + sample[t]);
                }
                sharpe[k] = MetricsCalculator.Sharpe(sample);
                cagr[k] = MetricsCalculator.Cagr(equity);
                mdd[k] = MetricsCalculator.MaxDrawdown(equity).MaxDrawdown;
                total[k] = MetricsCalculator.TotalReturn(equity);
            }
        });
        return new BootstrapDraws(block, options.Seed, sharpe, cagr, mdd, total);
    }

    /// <summary>Resamples closed trades' P&amp;L (in trade order, mean block length from the P&amp;L series unless given) and
    /// returns each resample's win rate (<see cref="MetricsCalculator.TradeStats"/>). The mean block length used is
    /// returned too.</summary>
    public static (double[] WinRates, double MeanBlockLength) TradeWinRates(ReadOnlySpan<double> tradePnl, BootstrapOptions options)
    {
        options.Validate();
        if (tradePnl.Length < 1) throw new ArgumentException("the trade bootstrap needs at least one trade.", nameof(tradePnl));
        var data = tradePnl.ToArray();
        double block = options.MeanBlockLength ?? BlockLengthSelector.Estimate(data).Stationary;
        int m = options.Resamples, n = data.Length;
        var winRates = new double[m];
        ForEachChunk(m, options.Seed, TradesStream, (rng, from, to) =>
        {
            var idx = new int[n];
            var sample = new double[n];
            for (int k = from; k < to; k++)
            {
                Indices(n, block, rng, idx);
                for (int t = 0; t < n; t++) sample[t] = data[idx[t]];
                winRates[k] = MetricsCalculator.TradeStats(sample).WinRate;
            }
        });
        return (winRates, block);
    }

    /// <summary>Runs <paramref name="body"/> over fixed chunks of [0, count), each with its own seeded generator.</summary>
    internal static void ForEachChunk(int count, int seed, long stream, Action<Xoshiro256Random, int, int> body)
    {
        int chunks = (count + ChunkSize - 1) / ChunkSize;
        Parallel.For(0, chunks, c =>
        {
            var rng = new Xoshiro256Random(SeedMixer.Mix(seed, stream, c));
            body(rng, c * ChunkSize, Math.Min(count, (c + 1) * ChunkSize));
        });
    }
}
