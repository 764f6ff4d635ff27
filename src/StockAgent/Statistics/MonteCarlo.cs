namespace StockAgent.Statistics;

/// <summary>
/// Monte Carlo tests of a trading record.
/// <para><b>Random timing</b> (a permutation test of entry timing in the spirit of White's reality check and Aronson,
/// "Evidence-Based Technical Analysis", 2006, ch. 5): the agent's trades are the maximal runs of days with non-zero
/// exposure of one sign; each keeps its length and its exposure day by day. A simulation shuffles the trades' order and
/// places them at uniformly random non-overlapping positions (every arrangement of the k trades and the n - sum L free
/// days equally likely: the free days before each trade come from k distinct slots drawn among n - sum L + k), so the
/// number of trades, the holding periods and the exposure are exactly the agent's. The statistic is the compounded
/// return prod_t (1 + e_t r_t) - 1 of exposure e_t held over asset return r_t; the p-value is
/// (1 + #{random &gt;= actual}) / (1 + simulations) (Davison and Hinkley 1997, eq. 4.11), one-sided.</para>
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

        var trades = new List<double[]>();
        for (int t = 0; t < n;)
        {
            if (exposure[t] == 0) { t++; continue; }
            int start = t, sign = Math.Sign(exposure[t]);
            while (t < n && Math.Sign(exposure[t]) == sign) t++;
            trades.Add(exposure[start..t].ToArray());
        }
        var asset = assetReturns.ToArray();
        double actual = Compounded(asset, exposure);
        int held = trades.Sum(tr => tr.Length);
        if (trades.Count == 0) return new RandomTimingResult(actual, double.NaN, double.NaN, 0, 0, 0, seed);

        int free = n - held, k = trades.Count;
        var random = new double[simulations];
        StationaryBootstrap.ForEachChunk(simulations, seed, TimingStream, (rng, from, to) =>
        {
            var order = Enumerable.Range(0, k).ToArray();
            var slots = new int[free + k];
            var picks = new int[k];
            var placed = new double[n];
            for (int s = from; s < to; s++)
            {
                for (int i = k - 1; i > 0; i--)
                {
                    int j = rng.Next(i + 1);
                    (order[i], order[j]) = (order[j], order[i]);
                }
                for (int i = 0; i < slots.Length; i++) slots[i] = i;
                for (int i = 0; i < k; i++)
                {
                    int j = i + rng.Next(slots.Length - i);
                    (slots[i], slots[j]) = (slots[j], slots[i]);
                    picks[i] = slots[i];
                }
                Array.Sort(picks);
                Array.Clear(placed);
                int before = 0;
                for (int i = 0; i < k; i++)
                {
                    var trade = trades[order[i]];
                    trade.CopyTo(placed, picks[i] - i + before);
                    before += trade.Length;
                }
                random[s] = Compounded(asset, placed);
            }
        });
        int atLeast = random.Count(r => r >= actual - 1e-12 * Math.Max(1, Math.Abs(actual)));
        return new RandomTimingResult(actual, random.Average(), (1.0 + atLeast) / (1.0 + simulations), simulations, k, held, seed);
    }

    /// <summary>The distribution of max drawdown and final (total) return over the bootstrapped equity paths.</summary>
    public static (PathDistribution MaxDrawdown, PathDistribution FinalReturn) EquityPaths(BootstrapDraws draws) =>
        (draws.MaxDrawdownDistribution(), draws.FinalReturnDistribution());

    private static double Compounded(double[] asset, ReadOnlySpan<double> exposure)
    {
        double equity = 1;
        for (int t = 0; t < asset.Length; t++) equity *= 1 + exposure[t] * asset[t];
        return equity - 1;
    }
}
