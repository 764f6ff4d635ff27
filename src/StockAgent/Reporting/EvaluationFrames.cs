using Microsoft.Data.Analysis;
using StockAgent.Evaluation;
using StockAgent.Experiments;
using StockAgent.Statistics;
using static StockAgent.Reporting.FrameColumns;

namespace StockAgent.Reporting;

/// <summary>
/// One test set of an <see cref="EvaluationReport"/> as Microsoft.Data.Analysis DataFrames for notebooks, one row per
/// candidate (or slice), in the report's order. Values are the report's own (annualised Sharpe, returns and drawdowns
/// as fractions, 95% stationary-bootstrap percentile intervals as _low/_high); null where a value cannot be computed (NaN).
/// </summary>
public static class EvaluationFrames
{
    /// <summary>The comparison table: label (IN-SAMPLE, "used for model selection" or the kind of out-of-sample), point
    /// values with their intervals, trades, profit factor, the Jobson-Korkie-Memmel p-value against the benchmark, PSR
    /// and DSR.</summary>
    public static DataFrame Comparison(TestSetReport set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var s = set.Scores;
        var columns = new List<DataFrameColumn> { new StringDataFrameColumn("candidate", s.Select(x => x.Name)), new StringDataFrameColumn("label", s.Select(x => x.Label)) };
        columns.AddRange(WithInterval("sharpe", s, e => e.Sharpe, i => i.Sharpe));
        columns.AddRange(WithInterval("total_return", s, e => e.TotalReturn, i => i.TotalReturn));
        columns.AddRange(WithInterval("annual_return", s, e => e.Cagr, i => i.Cagr));
        columns.AddRange(WithInterval("max_drawdown", s, e => e.MaxDrawdown, i => i.MaxDrawdown));
        columns.AddRange(WithInterval("win_rate", s, e => e.WinRate, i => i.WinRate));
        columns.AddRange([
            new Int32DataFrameColumn("trades", s.Select(x => x.Statistics.Trades)),
            Num("profit_factor", s.Select(x => x.Statistics.ProfitFactor)),
            Num("p_vs_benchmark", s.Select(x => x.Statistics.SharpeDifference?.PValue ?? double.NaN)),
            Num("psr", s.Select(x => x.Statistics.Psr)),
            Num("dsr", s.Select(x => x.Statistics.Dsr))]);
        return new DataFrame(columns);
    }

    /// <summary>The significance tests: the Sharpe difference to the benchmark (Jobson-Korkie with Memmel's correction:
    /// z and two-sided p; the Ledoit-Wolf studentised bootstrap p), PSR against 0 with the minimum track record length
    /// in days, DSR, the exact binomial p of the win rate against 50%, and the random-timing Monte Carlo p.</summary>
    public static DataFrame Significance(TestSetReport set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var s = set.Scores;
        return new DataFrame(
            new StringDataFrameColumn("candidate", s.Select(x => x.Name)),
            new StringDataFrameColumn("label", s.Select(x => x.Label)),
            Num("sharpe", s.Select(x => x.Statistics.Sharpe)),
            Num("benchmark_sharpe", s.Select(x => x.Statistics.SharpeDifference?.BenchmarkSharpe ?? double.NaN)),
            Num("sharpe_difference", s.Select(x => x.Statistics.SharpeDifference?.Difference ?? double.NaN)),
            Num("jkm_z", s.Select(x => x.Statistics.SharpeDifference?.Z ?? double.NaN)),
            Num("jkm_p", s.Select(x => x.Statistics.SharpeDifference?.PValue ?? double.NaN)),
            Num("ledoit_wolf_p", s.Select(x => x.Statistics.SharpeDifference?.BootstrapPValue ?? double.NaN)),
            Num("psr", s.Select(x => x.Statistics.Psr)),
            Num("min_track_record_days", s.Select(x => x.Statistics.MinTrackRecordDays)),
            Num("dsr", s.Select(x => x.Statistics.Dsr)),
            Num("binomial_p", s.Select(x => x.Statistics.BinomialPValue)),
            Num("random_timing_p", s.Select(x => x.Statistics.RandomTiming?.PValue ?? double.NaN)));
    }

    /// <summary>Every candidate's regime and sector slices (<see cref="Evaluation.SliceAnalysis"/>): days, annualised
    /// Sharpe, mean annual return, trades entered in the slice and their win rate.</summary>
    public static DataFrame Slices(TestSetReport set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var rows = set.Scores.SelectMany(x => x.Slices.Select(r => (x.Name, Row: r))).ToList();
        return new DataFrame(
            new StringDataFrameColumn("candidate", rows.Select(r => r.Name)),
            new StringDataFrameColumn("grouping", rows.Select(r => r.Row.Grouping)),
            new StringDataFrameColumn("slice", rows.Select(r => r.Row.Slice)),
            new Int32DataFrameColumn("days", rows.Select(r => r.Row.Days)),
            Num("sharpe", rows.Select(r => r.Row.Sharpe)),
            Num("annual_return", rows.Select(r => r.Row.AnnualReturn)),
            new Int32DataFrameColumn("trades", rows.Select(r => r.Row.Trades)),
            Num("win_rate", rows.Select(r => r.Row.WinRate)));
    }

    /// <summary>NAME, NAME_low and NAME_high: a point value and its 95% interval.</summary>
    private static DataFrameColumn[] WithInterval(string name, IReadOnlyList<CandidateScore> s, Func<ReturnEvaluation, double> value, Func<ReturnIntervals, ConfidenceInterval> interval) =>
    [
        Num(name, s.Select(x => value(x.Statistics))),
        Num(name + "_low", s.Select(x => interval(x.Statistics.Ci95).Low)),
        Num(name + "_high", s.Select(x => interval(x.Statistics.Ci95).High)),
    ];
}
