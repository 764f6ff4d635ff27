namespace StockAgent.Statistics;

/// <summary>
/// Monte Carlo tests of a trading record.
/// <para><b>Random timing</b> (a Monte Carlo test of entry timing against random entries): the agent's trades are the maximal runs of days with non-zero
/// exposure of one sign; each keeps its length and its exposure day by day. A simulation shuffles the trades' order and
/// places them at uniformly random non-overlapping positions (every arrangement of the k trades and the n - sum L free
/// days equally likely: the free days before each trade come from k distinct slots drawn among n - sum L + k), so the
/// number of trades, the holding periods and the exposure are exactly the agent's. The statistic is the compounded
/// return prod_t (1 + e_t r_t) - 1 of exposure e_t held over asset return r_t; the p-value is
/// (1 + #{random &gt;= actual}) / (1 + simulations), one-sided (the Monte Carlo p-value of Davison and Hinkley,
/// "Bootstrap Methods and their Application", 1997).</para>
/// <para><b>Equity paths</b>: the block-bootstrapped paths are those of <see cref="StationaryBootstrap.Returns"/>;
/// <see cref="EquityPaths"/> summarises their max drawdown and final return.</para>
/// </summary>
public static class MonteCarlo
{
    private const long TimingStream = 0x71E;

    /// <param name="assetReturns">r_t: the traded asset's simple return over day t.</param>
    /// <param name="exposure">e_t: the exposure (fraction of equity, negative when short) held over that same return,
    /// i.e. decided at or before the previous close.</param>
    public static RandomTimingResult RandomTiming(ReadOnlySpan<double> assetReturns, ReadOnlySpan<double> exposure, int simulations = 10_000, int seed = 7)
    {
        if (assetReturns.Length != exposure.Length)
            throw new ArgumentException($"assetReturns ({assetReturns.Length}) and exposure ({exposure.Length}) must have the same length.", nameof(exposure));
        if (simulations < 1) throw new ArgumentOutOfRangeException(nameof(simulations), simulations, "simulations must be at least 1.");
        int n = assetReturns.Length;
        for (int t = 0; t < n; t++)
            if (!double.IsFinite(assetReturns[t]) || !double.IsFinite(exposure[t]))
                throw new ArgumentException($"day {t}: asset return and exposure must be finite numbers.", nameof(assetReturns));

        var trades = Trades(exposure);
        var asset = assetReturns.ToArray();
        double actual = Compounded(asset, exposure);
        int held = trades.Sum(tr => tr.Length);
        if (trades.Count == 0) return new RandomTimingResult(actual, double.NaN, double.NaN, 0, 0, 0, seed);

        var random = new double[simulations];
        StationaryBootstrap.ForEachChunk(simulations, seed, TimingStream, (rng, from, to) =>
        {
            var placer = new TradePlacer(trades, n);
            for (int s = from; s < to; s++) random[s] = Compounded(asset, placer.Place(rng));
        });
        int atLeast = random.Count(r => r >= actual - 1e-12 * Math.Max(1, Math.Abs(actual)));
        return new RandomTimingResult(actual, random.Average(), (1.0 + atLeast) / (1.0 + simulations), simulations, trades.Count, held, seed);
    }

    /// <summary>The distribution of max drawdown and final (total) return over the bootstrapped equity paths.</summary>
    public static (PathDistribution MaxDrawdown, PathDistribution FinalReturn) EquityPaths(BootstrapDraws draws) =>
        (draws.MaxDrawdownDistribution(), draws.FinalReturnDistribution());

    /// <summary>Places the trades (exposure runs) at uniformly random non-overlapping positions in n days, in random
    /// order; reuses its buffers, so <see cref="Place"/> returns the same array each time.</summary>
    internal sealed class TradePlacer(List<double[]> trades, int n)
    {
        private readonly int[] _order = Enumerable.Range(0, trades.Count).ToArray();
        private readonly int[] _slots = new int[n - trades.Sum(t => t.Length) + trades.Count];
        private readonly int[] _picks = new int[trades.Count];
        private readonly double[] _placed = new double[n];

        public double[] Place(Random rng)
        {
            int k = _order.Length;
            for (int i = k - 1; i > 0; i--)
            {
                int j = rng.Next(i + 1);
                (_order[i], _order[j]) = (_order[j], _order[i]);
            }
            for (int i = 0; i < _slots.Length; i++) _slots[i] = i;
            for (int i = 0; i < k; i++)
            {
                int j = i + rng.Next(_slots.Length - i);
                (_slots[i], _slots[j]) = (_slots[j], _slots[i]);
                _picks[i] = _slots[i];
            }
            Array.Sort(_picks);
            Array.Clear(_placed);
            int before = 0;
            for (int i = 0; i < k; i++)
            {
                var trade = trades[_order[i]];
                trade.CopyTo(_placed, _picks[i] - i + before);
                before += trade.Length;
            }
            return _placed;
        }
    }

    /// <summary>The trades of an exposure series: maximal runs of non-zero exposure of one sign, each with its
    /// exposure day by day.</summary>
    internal static List<double[]> Trades(ReadOnlySpan<double> exposure)
    {
        var trades = new List<double[]>();
        for (int t = 0; t < exposure.Length;)
        {
            if (exposure[t] == 0) { t++; continue; }
            int start = t, sign = Math.Sign(exposure[t]);
            while (t < exposure.Length && Math.Sign(exposure[t]) == sign) t++;
            trades.Add(exposure[start..t].ToArray());
        }
        return trades;
    }

    private static double Compounded(double[] asset, ReadOnlySpan<double> exposure)
    {
        double equity = 1;
        for (int t = 0; t < asset.Length; t++) equity *= 1 + exposure[t] * asset[t];
        return equity - 1;
    }
}
