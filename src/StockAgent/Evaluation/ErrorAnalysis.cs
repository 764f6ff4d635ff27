using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Features;
using StockAgent.Market;
using StockAgent.Statistics;

namespace StockAgent.Evaluation;

/// <summary>
/// Error analysis (issue 10, part 6): where a policy loses out of sample. Each (test set, symbol) runs as one
/// continuous backtest over the set's window (<see cref="Backtester"/>, features warmed up on the bars before it,
/// starting flat, <see cref="BacktestOptions.Default"/> costs with the options' initial cash, shorting as the policy's
/// actions allow, every position closed at the last close). Its closed trades (P&amp;L after costs) and its days
/// (equity change from the previous close) are grouped by:
/// <list type="bullet">
/// <item>regime at entry: <c>RegimeLabeler.LabelCausal</c> over the last 60 bars up to the decision bar (the close
/// before the entry fill), one of the six bull/bear/sideways x high/low-vol labels;</item>
/// <item>sector (the market's universe);</item>
/// <item>volatility bucket: the annualised realised volatility of the last 20 daily log returns up to the decision bar
/// (sample standard deviation, n - 1, x sqrt(252)), cut at the 1/3 and 2/3 quantiles (Hyndman-Fan type 7) of the
/// finite values over all entries of the analysis: low &lt;= q(1/3) &lt; mid &lt;= q(2/3) &lt; high;</item>
/// <item>holding period: bars from entry fill to exit fill, 1-2 (0, a same-day close at the end, counts here), 3-5,
/// 6-20, 21+ days.</item>
/// </list>
/// A day is labelled by the state at the close before it, so a day's label is known before its P&amp;L. Per group see
/// <see cref="ErrorAnalysisGroup"/>; whipsaws are defined in <see cref="ErrorAnalysisWhipsaws"/>; failing slices are the
/// (regime at entry, sector) pairs whose trades lose in total, worst first. Deterministic for a seed.
/// </summary>
public static class ErrorAnalysis
{
    public const string ByRegime = "regime";
    public const string BySector = "sector";
    public const string ByVolatility = "volatility";
    public const string ByHolding = "holding";
    public const string Unknown = "unknown";

    public static IReadOnlyList<string> Groupings { get; } = [ByRegime, BySector, ByVolatility, ByHolding];
    public static IReadOnlyList<string> VolatilityBuckets { get; } = ["low", "mid", "high"];
    public static IReadOnlyList<string> HoldingBuckets { get; } = ["1-2", "3-5", "6-20", "21+"];

    /// <summary>Runs <paramref name="policy"/> over every symbol of every set and analyses its losses.</summary>
    public static ErrorAnalysisResult Run(MarketData market, IPolicy policy, IReadOnlyList<TestSet> sets, ErrorAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(sets);
        options ??= new ErrorAnalysisOptions();
        options.Validate();
        if (sets.Count == 0) throw new ArgumentException("error analysis needs at least one test set.", nameof(sets));
        var observations = MarketObservations.Of(market);
        var backtest = BacktestOptions.Default with { InitialCash = options.InitialCash, AllowShort = policy.Actions.AllowsShort };
        var runs = new List<(TestSet Set, PriceSeries Series, string Sector, BacktestResult Result)>();
        var notes = new List<string>();
        foreach (var set in sets)
            foreach (var symbol in set.Symbols)
            {
                var series = market[symbol];
                int start = series.IndexOnOrAfter(set.From);
                int end = series.IndexOnOrAfter(set.To.AddDays(1)) - 1;
                if (end - start < 1)
                {
                    notes.Add($"{symbol} has fewer than 2 bars in '{set.Name}' ({set.From:yyyy-MM-dd}..{set.To:yyyy-MM-dd}): left out");
                    continue;
                }
                var result = Backtester.Run(policy, series, backtest, start, end, SeedMixer.Mix(options.Seed, runs.Count), observations.For(symbol));
                runs.Add((set, series, market.SectorOf(symbol), result));
            }
        if (runs.Count == 0)
            throw new ArgumentException($"no symbol of the test sets has two or more bars in its window ({string.Join("; ", sets.Select(s => $"'{s.Name}' {s.From:yyyy-MM-dd}..{s.To:yyyy-MM-dd}"))}).", nameof(sets));

        // Trades with their entry labels (volatility buckets need the thresholds of all entries first).
        var raw = new List<(ErrorAnalysisTrade Trade, double Vol, bool Reversed)>();
        foreach (var (set, series, sector, result) in runs)
        {
            var trades = result.Trades;
            for (int k = 0; k < trades.Count; k++)
            {
                var t = trades[k];
                int decision = series.IndexOnOrAfter(t.EntryDate) - 1;
                bool whipsaw = k + 1 < trades.Count && series.IndexOnOrAfter(trades[k + 1].EntryDate) - series.IndexOnOrAfter(t.ExitDate) <= options.WhipsawDays;
                bool reversed = whipsaw && trades[k + 1].Side != t.Side;
                double vol = Volatility(series, decision, options.VolatilityLookback);
                raw.Add((new ErrorAnalysisTrade(set.Name, t.Symbol, sector, t.Side, t.EntryDate, t.ExitDate, t.Pnl, t.Return, t.HoldingBars,
                    Regime(series, decision, options.RegimeLookback), vol, Unknown, HoldingBucket(t.HoldingBars), t.ExitReason, whipsaw), vol, reversed));
            }
        }
        var sorted = Quantiles.SortedFinite(raw.Select(r => r.Vol).ToArray());
        double lowMax = Quantiles.OfSorted(sorted, 1.0 / 3), midMax = Quantiles.OfSorted(sorted, 2.0 / 3);
        var all = raw.Select(r => r.Trade with { VolatilityBucket = VolatilityBucket(r.Vol, lowMax, midMax) }).ToList();

        var days = new List<(string Regime, string Sector, string Volatility, double Pnl)>();
        foreach (var (_, series, sector, result) in runs)
            for (int i = 0; i < result.Days; i++)
            {
                int before = result.StartBar + i - 1; // the close before the day
                double pnl = result.Equity[i] - (i == 0 ? result.InitialCash : result.Equity[i - 1]);
                days.Add((before >= 0 ? Regime(series, before, options.RegimeLookback) : Unknown, sector,
                    before >= 0 ? VolatilityBucket(Volatility(series, before, options.VolatilityLookback), lowMax, midMax) : Unknown, pnl));
            }

        double totalLoss = all.Where(t => t.Pnl < 0).Sum(t => t.Pnl);
        var groups = new List<ErrorAnalysisGroup>();
        groups.AddRange(Group(ByRegime, [.. MarketRegime.All.Select(r => r.ToString()), Unknown], all, t => t.Regime, days.Select(d => (d.Regime, d.Pnl)), totalLoss));
        groups.AddRange(Group(BySector, [], all, t => t.Sector, days.Select(d => (d.Sector, d.Pnl)), totalLoss));
        groups.AddRange(Group(ByVolatility, [.. VolatilityBuckets, Unknown], all, t => t.VolatilityBucket, days.Select(d => (d.Volatility, d.Pnl)), totalLoss));
        groups.AddRange(Group(ByHolding, HoldingBuckets, all, t => t.HoldingBucket, null, totalLoss));

        var whipsawed = all.Where(t => t.Whipsaw).ToList();
        int reversals = raw.Count(r => r.Reversed);
        var whipsaws = new ErrorAnalysisWhipsaws(options.WhipsawDays, whipsawed.Count, whipsawed.Sum(t => t.Pnl), whipsawed.Count(t => t.Pnl < 0),
            reversals, whipsawed.Count - reversals);

        var failing = all.GroupBy(t => (t.Regime, t.Sector))
            .Select(g => new ErrorAnalysisSlice(g.Key.Regime, g.Key.Sector, g.Count(), g.Sum(t => t.Pnl)))
            .Where(s => s.TotalPnl < 0)
            .OrderBy(s => s.TotalPnl).ThenBy(s => s.Regime, StringComparer.Ordinal).ThenBy(s => s.Sector, StringComparer.Ordinal).ToList();
        var losers = all.Where(t => t.Pnl < 0).OrderBy(t => t.Pnl).ThenBy(t => t.Symbol, StringComparer.Ordinal).ThenBy(t => t.EntryDate).Take(options.Top).ToList();

        return new ErrorAnalysisResult(policy.Id, policy.Version, sets, sets.Min(s => s.From), sets.Max(s => s.To), runs.Count, options.InitialCash,
            all.Sum(t => t.Pnl), days.Sum(d => d.Pnl), lowMax, midMax, groups, losers, whipsaws, failing, notes, all);
    }

    /// <summary>"1-2", "3-5", "6-20" or "21+" for a holding period in bars (0 counts as 1-2).</summary>
    public static string HoldingBucket(int bars) => bars <= 2 ? "1-2" : bars <= 5 ? "3-5" : bars <= 20 ? "6-20" : "21+";

    private static string VolatilityBucket(double vol, double lowMax, double midMax) =>
        !double.IsFinite(vol) ? Unknown : vol <= lowMax ? "low" : vol <= midMax ? "mid" : "high";

    private static double Volatility(PriceSeries series, int t, int lookback) =>
        t >= lookback ? RegimeLabeler.RealizedVolatility(series.Close, t - lookback, t) : double.NaN;

    private static string Regime(PriceSeries series, int t, int lookback) =>
        t >= 2 ? RegimeLabeler.LabelCausal(series, t, lookback).ToString() : Unknown;

    /// <summary>One row per key that has trades or days: the keys of <paramref name="order"/> first, then the others
    /// in ordinal order. <paramref name="days"/> null: the grouping has no daily attribution.</summary>
    private static IEnumerable<ErrorAnalysisGroup> Group(string grouping, IReadOnlyList<string> order, IReadOnlyList<ErrorAnalysisTrade> trades,
        Func<ErrorAnalysisTrade, string> key, IEnumerable<(string Key, double Pnl)>? days, double totalLoss)
    {
        var byKey = trades.GroupBy(key).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var dayTotals = days?.GroupBy(d => d.Key).ToDictionary(g => g.Key, g => (Days: g.Count(), Pnl: g.Sum(d => d.Pnl)), StringComparer.Ordinal);
        var keys = order.Concat(byKey.Keys.Concat(dayTotals?.Keys ?? Enumerable.Empty<string>()).Distinct().Except(order).Order(StringComparer.Ordinal));
        foreach (var k in keys)
        {
            var list = byKey.GetValueOrDefault(k) ?? [];
            var (n, pnl) = dayTotals is null ? (0, double.NaN) : dayTotals.GetValueOrDefault(k, (0, 0.0));
            if (list.Count == 0 && n == 0) continue;
            double total = list.Sum(t => t.Pnl);
            yield return new ErrorAnalysisGroup(grouping, k, list.Count,
                list.Count == 0 ? double.NaN : (double)list.Count(t => t.Pnl > 0) / list.Count,
                total, list.Count == 0 ? double.NaN : total / list.Count,
                totalLoss < 0 ? list.Where(t => t.Pnl < 0).Sum(t => t.Pnl) / totalLoss : double.NaN, n, pnl);
        }
    }
}
