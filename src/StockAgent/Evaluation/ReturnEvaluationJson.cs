using System.Text;
using System.Text.Json;
using StockAgent.Statistics;

namespace StockAgent.Evaluation;

/// <summary>
/// A <see cref="ReturnEvaluation"/> as JSON with snake_case keys: sharpe, sharpe_per_period, sortino, volatility,
/// max_drawdown, cagr, total_return, skewness, kurtosis (raw), daily_hit_rate, sharpe_se {lo, mertens} (annualised),
/// psr (against 0), min_track_record_days, dsr, deflation {trials, trial_sharpe_variance, expected_max_sharpe},
/// sharpe_difference {benchmark_sharpe, difference, z, p_value, bootstrap_p_value, block_length}, trades, win_rate,
/// profit_factor, binomial_p_value, ci95 {sharpe, win_rate, cagr, max_drawdown, total_return: {low, high}},
/// monte_carlo {max_drawdown, final_return: {mean, p05, p25, p50, p75, p95}, random_timing}, bootstrap {...}.
/// NaN and infinities become null; an absent part (no benchmark, no trials, no exposure) is null.
/// </summary>
public static class ReturnEvaluationJson
{
    public static string Serialize(ReturnEvaluation e)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("observations", e.Observations);
            w.WriteString("from", e.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("to", e.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteNumber("periods_per_year", MetricsCalculator.TradingDays);
            Number(w, "sharpe", e.Sharpe);
            Number(w, "sharpe_per_period", e.SharpePerPeriod);
            Number(w, "sortino", e.Sortino);
            Number(w, "volatility", e.Volatility);
            Number(w, "max_drawdown", e.MaxDrawdown);
            Number(w, "cagr", e.Cagr);
            Number(w, "total_return", e.TotalReturn);
            Number(w, "skewness", e.Skewness);
            Number(w, "kurtosis", e.Kurtosis);
            Number(w, "daily_hit_rate", e.DailyHitRate);
            w.WriteStartObject("sharpe_se");
            Number(w, "lo", e.SharpeSe.Lo);
            Number(w, "mertens", e.SharpeSe.Mertens);
            w.WriteEndObject();
            Number(w, "psr", e.Psr);
            Number(w, "min_track_record_days", e.MinTrackRecordDays);
            Number(w, "dsr", e.Dsr);
            if (e.Deflation is { } d)
            {
                w.WriteStartObject("deflation");
                w.WriteNumber("trials", d.Trials);
                Number(w, "trial_sharpe_variance", d.TrialSharpeVariance);
                Number(w, "expected_max_sharpe", d.ExpectedMaxSharpe);
                w.WriteEndObject();
            }
            else w.WriteNull("deflation");
            if (e.SharpeDifference is { } c)
            {
                w.WriteStartObject("sharpe_difference");
                Number(w, "benchmark_sharpe", c.BenchmarkSharpe);
                Number(w, "difference", c.Difference);
                Number(w, "z", c.Z);
                Number(w, "p_value", c.PValue);
                Number(w, "bootstrap_p_value", c.BootstrapPValue);
                w.WriteNumber("block_length", c.BlockLength);
                w.WriteEndObject();
            }
            else w.WriteNull("sharpe_difference");
            w.WriteNumber("trades", e.Trades);
            Number(w, "win_rate", e.WinRate);
            Number(w, "profit_factor", e.ProfitFactor);
            Number(w, "binomial_p_value", e.BinomialPValue);
            w.WriteStartObject("ci95");
            Interval(w, "sharpe", e.Ci95.Sharpe);
            Interval(w, "win_rate", e.Ci95.WinRate);
            Interval(w, "cagr", e.Ci95.Cagr);
            Interval(w, "max_drawdown", e.Ci95.MaxDrawdown);
            Interval(w, "total_return", e.Ci95.TotalReturn);
            w.WriteEndObject();
            w.WriteStartObject("monte_carlo");
            Distribution(w, "max_drawdown", e.MonteCarloMaxDrawdown);
            Distribution(w, "final_return", e.MonteCarloFinalReturn);
            if (e.RandomTiming is { } rt)
            {
                w.WriteStartObject("random_timing");
                Number(w, "p_value", rt.PValue);
                Number(w, "actual_return", rt.ActualReturn);
                Number(w, "mean_random_return", rt.MeanRandomReturn);
                w.WriteNumber("simulations", rt.Simulations);
                w.WriteNumber("trades", rt.Trades);
                w.WriteNumber("days_in_market", rt.DaysInMarket);
                w.WriteEndObject();
            }
            else w.WriteNull("random_timing");
            w.WriteEndObject();
            w.WriteStartObject("bootstrap");
            w.WriteString("method", "stationary (Politis-Romano 1994), percentile intervals");
            w.WriteNumber("resamples", e.Resamples);
            w.WriteNumber("seed", e.Seed);
            Number(w, "mean_block_length", e.MeanBlockLength);
            Number(w, "trade_mean_block_length", e.TradeMeanBlockLength);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }

    private static void Interval(Utf8JsonWriter w, string name, ConfidenceInterval ci)
    {
        w.WriteStartObject(name);
        Number(w, "low", ci.Low);
        Number(w, "high", ci.High);
        w.WriteEndObject();
    }

    private static void Distribution(Utf8JsonWriter w, string name, PathDistribution d)
    {
        w.WriteStartObject(name);
        Number(w, "mean", d.Mean);
        Number(w, "p05", d.P05);
        Number(w, "p25", d.P25);
        Number(w, "p50", d.P50);
        Number(w, "p75", d.P75);
        Number(w, "p95", d.P95);
        w.WriteEndObject();
    }
}
