using Microsoft.Data.Analysis;
using StockAgent.Evaluation;
using static StockAgent.Reporting.FrameColumns;

namespace StockAgent.Reporting;

/// <summary>An <see cref="ErrorAnalysisResult"/> as Microsoft.Data.Analysis DataFrames for notebooks, in the result's
/// order. P&amp;L is in currency after commission and slippage, returns and win rates are fractions; null where a value
/// cannot be computed (NaN).</summary>
public static class ErrorAnalysisFrames
{
    /// <summary>The groups of the given groupings (<see cref="ErrorAnalysis.ByRegime"/>, <see cref="ErrorAnalysis.BySector"/>,
    /// ...; none given: every grouping), columns as errors_by_group.csv (<see cref="ErrorAnalysisTable"/>): grouping, key,
    /// trades, win_rate, total_pnl, mean_pnl, share_of_loss, days, daily_pnl.</summary>
    public static DataFrame Groups(ErrorAnalysisResult result, params string[] groupings)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(groupings);
        foreach (var g in groupings)
            if (!ErrorAnalysis.Groupings.Contains(g))
                throw new ArgumentException($"'{g}' is not a grouping of the error analysis ({string.Join(", ", ErrorAnalysis.Groupings)}).", nameof(groupings));
        var rows = result.Groups.Where(g => groupings.Length == 0 || groupings.Contains(g.Grouping)).ToList();
        return new DataFrame(
            new StringDataFrameColumn("grouping", rows.Select(g => g.Grouping)),
            new StringDataFrameColumn("key", rows.Select(g => g.Key)),
            new Int32DataFrameColumn("trades", rows.Select(g => g.Trades)),
            Num("win_rate", rows.Select(g => g.WinRate)),
            Num("total_pnl", rows.Select(g => g.TotalPnl)),
            Num("mean_pnl", rows.Select(g => g.MeanPnl)),
            Num("share_of_loss", rows.Select(g => g.ShareOfLoss)),
            new Int32DataFrameColumn("days", rows.Select(g => g.Days)),
            Num("daily_pnl", rows.Select(g => g.DailyPnl)));
    }

    /// <summary>Trades (the largest losers, or any list): set, symbol, sector, side, entry and exit dates, pnl, return,
    /// holding days, regime and annualised volatility at entry with its bucket, exit reason, whipsaw.</summary>
    public static DataFrame Trades(IReadOnlyList<ErrorAnalysisTrade> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        return new DataFrame(
            new StringDataFrameColumn("set", trades.Select(t => t.Set)),
            new StringDataFrameColumn("symbol", trades.Select(t => t.Symbol)),
            new StringDataFrameColumn("sector", trades.Select(t => t.Sector)),
            new Int32DataFrameColumn("side", trades.Select(t => t.Side)),
            Date("entry", trades.Select(t => (DateOnly?)t.EntryDate)),
            Date("exit", trades.Select(t => (DateOnly?)t.ExitDate)),
            Num("pnl", trades.Select(t => t.Pnl)),
            Num("return", trades.Select(t => t.Return)),
            new Int32DataFrameColumn("holding_days", trades.Select(t => t.HoldingDays)),
            new StringDataFrameColumn("regime", trades.Select(t => t.Regime)),
            Num("entry_volatility", trades.Select(t => t.EntryVolatility)),
            new StringDataFrameColumn("volatility_bucket", trades.Select(t => t.VolatilityBucket)),
            new StringDataFrameColumn("exit_reason", trades.Select(t => t.ExitReason)),
            new BooleanDataFrameColumn("whipsaw", trades.Select(t => t.Whipsaw)));
    }

    /// <summary>(regime at entry, sector) slices: regime, sector, trades, total_pnl (the failing ones, worst first, as
    /// <see cref="ErrorAnalysisResult.FailingSlices"/> orders them).</summary>
    public static DataFrame Slices(IReadOnlyList<ErrorAnalysisSlice> slices)
    {
        ArgumentNullException.ThrowIfNull(slices);
        return new DataFrame(
            new StringDataFrameColumn("regime", slices.Select(s => s.Regime)),
            new StringDataFrameColumn("sector", slices.Select(s => s.Sector)),
            new Int32DataFrameColumn("trades", slices.Select(s => s.Trades)),
            Num("total_pnl", slices.Select(s => s.TotalPnl)));
    }

    /// <summary>The whipsaws as one row: within_days (the horizon), count of whipsawed trades, their summed pnl, how many
    /// lost, and how many were followed by a reversal or a re-entry (<see cref="ErrorAnalysisWhipsaws"/>).</summary>
    public static DataFrame Whipsaws(ErrorAnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var w = result.Whipsaws;
        return new DataFrame(
            new Int32DataFrameColumn("within_days", [w.WithinDays]),
            new Int32DataFrameColumn("count", [w.Count]),
            Num("pnl", [w.Pnl]),
            new Int32DataFrameColumn("losing", [w.Losing]),
            new Int32DataFrameColumn("reversals", [w.Reversals]),
            new Int32DataFrameColumn("re_entries", [w.ReEntries]));
    }
}
