using Microsoft.Data.Analysis;
using StockAgent.Experiments;
using static StockAgent.Reporting.FrameColumns;

namespace StockAgent.Reporting;

/// <summary>A <see cref="RobustnessResult"/> as Microsoft.Data.Analysis DataFrames for notebooks, in the result's
/// order. Values are the result's own (annualised Sharpe with its 95% stationary-bootstrap percentile interval as
/// sharpe_low/sharpe_high, returns and drawdowns as fractions); null where a value cannot be computed (NaN, or a
/// scenario with no data, whose note says why).</summary>
public static class RobustnessFrames
{
    /// <summary>One row per configuration tried: scenario, group, label, window, symbols, days, sharpe (with interval),
    /// total_return, max_drawdown, win_rate, trades, exposure (mean gross) and note.</summary>
    public static DataFrame Rows(RobustnessResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var r = result.Rows;
        return new DataFrame(
            new StringDataFrameColumn("scenario", r.Select(x => x.Scenario)),
            new StringDataFrameColumn("group", r.Select(x => x.Group)),
            new StringDataFrameColumn("label", r.Select(x => x.Label)),
            Date("from", r.Select(x => x.From)),
            Date("to", r.Select(x => x.To)),
            new Int32DataFrameColumn("symbols", r.Select(x => x.Symbols)),
            new Int32DataFrameColumn("days", r.Select(x => x.Days)),
            Num("sharpe", r.Select(x => x.Sharpe)),
            Num("sharpe_low", r.Select(x => x.SharpeCi95.Low)),
            Num("sharpe_high", r.Select(x => x.SharpeCi95.High)),
            Num("total_return", r.Select(x => x.TotalReturn)),
            Num("max_drawdown", r.Select(x => x.MaxDrawdown)),
            Num("win_rate", r.Select(x => x.WinRate)),
            new Int32DataFrameColumn("trades", r.Select(x => x.Trades)),
            Num("exposure", r.Select(x => x.Exposure)),
            new StringDataFrameColumn("note", r.Select(x => x.Note)));
    }

    /// <summary>The policy seeds' summary as one row: seeds, mean and sample standard deviation (n - 1) of the
    /// annualised Sharpe and of the total return, and whether every seed gave the same numbers.</summary>
    public static DataFrame Seeds(RobustnessResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Seeds;
        return new DataFrame(
            new Int32DataFrameColumn("seeds", [s.Seeds]),
            Num("mean_sharpe", [s.MeanSharpe]),
            Num("sd_sharpe", [s.SdSharpe]),
            Num("mean_total_return", [s.MeanTotalReturn]),
            Num("sd_total_return", [s.SdTotalReturn]),
            new BooleanDataFrameColumn("deterministic", [s.Deterministic]));
    }
}
