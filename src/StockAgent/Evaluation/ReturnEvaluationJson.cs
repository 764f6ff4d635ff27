using StockAgent.IO;
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
/// <see cref="Deserialize"/> reads it back (everything the JSON holds: writing what it read gives the same text); the
/// bootstrap draws themselves are not in the JSON, so the evaluation read back has none.
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
            Numbers(w, ("sharpe", e.Sharpe), ("sharpe_per_period", e.SharpePerPeriod), ("sortino", e.Sortino), ("volatility", e.Volatility),
                ("max_drawdown", e.MaxDrawdown), ("cagr", e.Cagr), ("total_return", e.TotalReturn), ("skewness", e.Skewness),
                ("kurtosis", e.Kurtosis), ("daily_hit_rate", e.DailyHitRate));
            w.WriteStartObject("sharpe_se");
            Numbers(w, ("lo", e.SharpeSe.Lo), ("mertens", e.SharpeSe.Mertens));
            w.WriteEndObject();
            Numbers(w, ("psr", e.Psr), ("min_track_record_days", e.MinTrackRecordDays), ("dsr", e.Dsr));
            if (e.Deflation is { } d)
            {
                w.WriteStartObject("deflation");
                w.WriteNumber("trials", d.Trials);
                Numbers(w, ("trial_sharpe_variance", d.TrialSharpeVariance), ("expected_max_sharpe", d.ExpectedMaxSharpe));
                w.WriteEndObject();
            }
            else w.WriteNull("deflation");
            if (e.SharpeDifference is { } c)
            {
                w.WriteStartObject("sharpe_difference");
                Numbers(w, ("benchmark_sharpe", c.BenchmarkSharpe), ("difference", c.Difference), ("z", c.Z), ("p_value", c.PValue),
                    ("bootstrap_p_value", c.BootstrapPValue));
                w.WriteNumber("block_length", c.BlockLength);
                w.WriteEndObject();
            }
            else w.WriteNull("sharpe_difference");
            w.WriteNumber("trades", e.Trades);
            Numbers(w, ("win_rate", e.WinRate), ("profit_factor", e.ProfitFactor), ("binomial_p_value", e.BinomialPValue));
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
                Numbers(w, ("p_value", rt.PValue), ("actual_return", rt.ActualReturn), ("mean_random_return", rt.MeanRandomReturn));
                w.WriteNumber("simulations", rt.Simulations);
                w.WriteNumber("trades", rt.Trades);
                w.WriteNumber("days_in_market", rt.DaysInMarket);
                w.WriteNumber("seed", rt.Seed);
                w.WriteEndObject();
            }
            else w.WriteNull("random_timing");
            w.WriteEndObject();
            w.WriteStartObject("bootstrap");
            w.WriteString("method", "stationary (Politis-Romano 1994), percentile intervals");
            w.WriteNumber("resamples", e.Resamples);
            w.WriteNumber("seed", e.Seed);
            Numbers(w, ("mean_block_length", e.MeanBlockLength), ("trade_mean_block_length", e.TradeMeanBlockLength));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes each (name, value), a NaN or infinite value as null.</summary>
    private static void Numbers(Utf8JsonWriter w, params ReadOnlySpan<(string Name, double Value)> fields)
    {
        foreach (var (name, value) in fields) w.WriteNumberOrNull(name, value);
    }

    private static void Interval(Utf8JsonWriter w, string name, ConfidenceInterval ci)
    {
        w.WriteStartObject(name);
        Numbers(w, ("low", ci.Low), ("high", ci.High));
        w.WriteEndObject();
    }

    private static void Distribution(Utf8JsonWriter w, string name, PathDistribution d)
    {
        w.WriteStartObject(name);
        Numbers(w, ("mean", d.Mean), ("p05", d.P05), ("p25", d.P25), ("p50", d.P50), ("p75", d.P75), ("p95", d.P95));
        w.WriteNumber("draws", d.Draws);
        w.WriteEndObject();
    }

    /// <summary>Reads what <see cref="Serialize"/> wrote; a missing or mistyped field is an
    /// <see cref="InvalidDataException"/> naming it.</summary>
    public static ReturnEvaluation Deserialize(JsonElement e)
    {
        var ci = e.Required("ci95");
        var mc = e.Required("monte_carlo");
        var boot = e.Required("bootstrap");
        var se = e.Required("sharpe_se");
        DeflationInputs? deflation = e.Required("deflation") is { ValueKind: JsonValueKind.Object } d
            ? new DeflationInputs(d.Int("trials"), d.NumberOrNaN("trial_sharpe_variance"), d.NumberOrNaN("expected_max_sharpe")) : null;
        BenchmarkComparison? difference = e.Required("sharpe_difference") is { ValueKind: JsonValueKind.Object } c
            ? new BenchmarkComparison(c.NumberOrNaN("benchmark_sharpe"), c.NumberOrNaN("difference"), c.NumberOrNaN("z"), c.NumberOrNaN("p_value"),
                c.NumberOrNaN("bootstrap_p_value"), c.Int("block_length")) : null;
        RandomTimingResult? timing = mc.Required("random_timing") is { ValueKind: JsonValueKind.Object } t
            ? new RandomTimingResult(t.NumberOrNaN("actual_return"), t.NumberOrNaN("mean_random_return"), t.NumberOrNaN("p_value"), t.Int("simulations"),
                t.Int("trades"), t.Int("days_in_market"), t.Int("seed")) : null;
        int seed = boot.Int("seed");
        double blocks = boot.NumberOrNaN("mean_block_length");
        return new ReturnEvaluation(
            e.Int("observations"), e.Date("from"), e.Date("to"),
            e.NumberOrNaN("sharpe"), e.NumberOrNaN("sharpe_per_period"), e.NumberOrNaN("sortino"), e.NumberOrNaN("volatility"),
            e.NumberOrNaN("max_drawdown"), e.NumberOrNaN("cagr"), e.NumberOrNaN("total_return"), e.NumberOrNaN("skewness"),
            e.NumberOrNaN("kurtosis"), e.NumberOrNaN("daily_hit_rate"),
            new SharpeStandardErrors(se.NumberOrNaN("lo"), se.NumberOrNaN("mertens")),
            e.NumberOrNaN("psr"), e.NumberOrNaN("min_track_record_days"), e.NumberOrNaN("dsr"), deflation, difference,
            e.Int("trades"), e.NumberOrNaN("win_rate"), e.NumberOrNaN("profit_factor"), e.NumberOrNaN("binomial_p_value"),
            new ReturnIntervals(ReadInterval(ci, "sharpe"), ReadInterval(ci, "win_rate"), ReadInterval(ci, "cagr"), ReadInterval(ci, "max_drawdown"), ReadInterval(ci, "total_return")),
            ReadDistribution(mc, "max_drawdown"), ReadDistribution(mc, "final_return"), timing,
            boot.Int("resamples"), seed, blocks, boot.NumberOrNaN("trade_mean_block_length"),
            new BootstrapDraws(blocks, seed, [], [], [], []));
    }

    private static ConfidenceInterval ReadInterval(JsonElement e, string name)
    {
        var i = e.Required(name);
        return new ConfidenceInterval(i.NumberOrNaN("low"), i.NumberOrNaN("high"));
    }

    private static PathDistribution ReadDistribution(JsonElement e, string name)
    {
        var d = e.Required(name);
        return new PathDistribution(d.NumberOrNaN("mean"), d.NumberOrNaN("p05"), d.NumberOrNaN("p25"), d.NumberOrNaN("p50"), d.NumberOrNaN("p75"), d.NumberOrNaN("p95"), d.Int("draws"));
    }
}
