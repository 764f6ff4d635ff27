using StockAgent.Market;
using StockAgent.Statistics;

namespace StockAgent.Evaluation;

/// <summary>
/// A policy's result on a test set cut into slices, from its single-symbol runs (each symbol alone with its whole
/// cash). Regime: each symbol-day's return r_(s,t) = E_(s,t) / E_(s,t-1) - 1 goes to the regime the symbol was in at the
/// close before it (<see cref="RegimeLabeler.LabelCausal"/> over 60 bars, so the label reads no later bar), pooled
/// over symbols; a trade goes to the regime at its entry. Sector: the equal-weight mean, per date, of the returns of
/// the sector's symbols, and their trades. Point metrics only: slices are short and many, so their intervals belong to
/// the full test set.
/// </summary>
public static class SliceAnalysis
{
    public static IReadOnlyList<SliceRow> Of(PolicyTestResult result, MarketData market)
    {
        var byRegime = MarketRegime.All.ToDictionary(r => r.ToString(), _ => (Returns: new List<double>(), Pnl: new List<double>()));
        var bySector = new SortedDictionary<string, (SortedDictionary<DateOnly, (double Sum, int Count)> Days, List<double> Pnl)>(StringComparer.Ordinal);
        foreach (var run in result.Backtest.Symbols)
        {
            var series = market[run.Symbol];
            string sector = market.SectorOf(run.Symbol);
            if (!bySector.TryGetValue(sector, out var sec)) bySector[sector] = sec = (new(), new());
            for (int i = 1; i < run.Days; i++)
            {
                if (run.StartBar + i - 1 < 2) continue; // no regime before a symbol's third bar
                double r = run.Equity[i] / run.Equity[i - 1] - 1;
                byRegime[RegimeLabeler.LabelCausal(series, run.StartBar + i - 1).ToString()].Returns.Add(r);
                var day = sec.Days.TryGetValue(run.Dates[i], out var d) ? d : (0, 0);
                sec.Days[run.Dates[i]] = (day.Sum + r, day.Count + 1);
            }
            foreach (var trade in run.Trades)
            {
                int decided = series.IndexOnOrAfter(trade.EntryDate) - 1; // the decision to enter was taken at the close before the fill
                if (decided >= 2) byRegime[RegimeLabeler.LabelCausal(series, decided).ToString()].Pnl.Add(trade.Pnl);
                sec.Pnl.Add(trade.Pnl);
            }
        }
        var rows = new List<SliceRow>();
        foreach (var (regime, (returns, pnl)) in byRegime)
            if (returns.Count > 0) rows.Add(Row("regime", regime, returns.ToArray(), pnl));
        foreach (var (sector, (days, pnl)) in bySector)
            rows.Add(Row("sector", sector, days.Values.Select(d => d.Sum / d.Count).ToArray(), pnl));
        return rows;
    }

    private static SliceRow Row(string grouping, string slice, double[] returns, List<double> pnl)
    {
        var (winRate, _, _, _, _) = MetricsCalculator.TradeStats(pnl.ToArray());
        double annual = returns.Length == 0 ? double.NaN : MetricsCalculator.Mean(returns) * MetricsCalculator.TradingDays;
        return new SliceRow(grouping, slice, returns.Length, MetricsCalculator.Sharpe(returns), annual, pnl.Count, winRate);
    }
}
