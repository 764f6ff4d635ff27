using System.Globalization;
using StockAgent.Statistics;

namespace StockAgent.Evaluation;

/// <summary>A <see cref="ReturnEvaluation"/> as rows of (metric, value, 95% low, 95% high), written as CSV by the CLI
/// (NaN where a value or bound cannot be computed; Monte Carlo rows are quantiles of the bootstrapped paths).</summary>
public static class ReturnEvaluationTable
{
    public static IReadOnlyList<EvaluationRow> Rows(ReturnEvaluation e)
    {
        EvaluationRow R(string name, double value, ConfidenceInterval? ci = null) => new(name, value, ci?.Low ?? double.NaN, ci?.High ?? double.NaN);
        var rows = new List<EvaluationRow>
        {
            R("sharpe", e.Sharpe, e.Ci95.Sharpe),
            R("sortino", e.Sortino),
            R("volatility", e.Volatility),
            R("cagr", e.Cagr, e.Ci95.Cagr),
            R("total_return", e.TotalReturn, e.Ci95.TotalReturn),
            R("max_drawdown", e.MaxDrawdown, e.Ci95.MaxDrawdown),
            R("skewness", e.Skewness),
            R("kurtosis", e.Kurtosis),
            R("sharpe_se_lo", e.SharpeSe.Lo),
            R("sharpe_se_mertens", e.SharpeSe.Mertens),
            R("psr", e.Psr),
            R("min_track_record_days", e.MinTrackRecordDays),
            R("dsr", e.Dsr),
            R("trades", e.Trades),
            R("win_rate", e.WinRate, e.Ci95.WinRate),
            R("profit_factor", e.ProfitFactor),
            R("binomial_p_value", e.BinomialPValue),
        };
        if (e.SharpeDifference is { } c)
        {
            rows.Add(R("benchmark_sharpe", c.BenchmarkSharpe));
            rows.Add(R("sharpe_difference", c.Difference));
            rows.Add(R("sharpe_difference_z", c.Z));
            rows.Add(R("sharpe_difference_p_value", c.PValue));
            rows.Add(R("sharpe_difference_bootstrap_p_value", c.BootstrapPValue));
        }
        foreach (var (name, d) in new[] { ("max_drawdown", e.MonteCarloMaxDrawdown), ("final_return", e.MonteCarloFinalReturn) })
        {
            rows.Add(R($"monte_carlo_{name}_p05", d.P05));
            rows.Add(R($"monte_carlo_{name}_p50", d.P50));
            rows.Add(R($"monte_carlo_{name}_p95", d.P95));
        }
        if (e.RandomTiming is { } rt) rows.Add(R("random_timing_p_value", rt.PValue));
        return rows;
    }

    /// <summary>The rows as CSV text: metric,value,ci95_low,ci95_high, invariant culture, empty where NaN.</summary>
    public static string ToCsv(ReturnEvaluation e)
    {
        static string F(double x) => double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";
        var lines = new List<string> { "metric,value,ci95_low,ci95_high" };
        lines.AddRange(Rows(e).Select(r => $"{r.Metric},{F(r.Value)},{F(r.Low)},{F(r.High)}"));
        return string.Join("\n", lines) + "\n";
    }
}
