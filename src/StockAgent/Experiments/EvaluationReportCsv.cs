using System.Globalization;
using System.Text;

namespace StockAgent.Experiments;

/// <summary>
/// An <see cref="EvaluationReport"/> as CSV: <see cref="Comparison"/> has one row per test set and candidate (the
/// comparison table's columns, each interval as _low/_high); <see cref="Slices"/> one row per slice; <see cref="Returns"/>
/// one row per test set, candidate and day (the daily returns every statistic came from); <see cref="Draws"/> one row per
/// test set, candidate and bootstrap resample. Invariant culture, ISO dates, numbers round-trip exact ("R"), empty where
/// a value cannot be computed.
/// </summary>
public static class EvaluationReportCsv
{
    public const string ComparisonHeader =
        "test_set,kind_of_test,from,to,candidate,kind,label,symbols,days,sharpe,sharpe_low,sharpe_high,win_rate,win_rate_low,win_rate_high," +
        "total_return,total_return_low,total_return_high,annual_return,annual_return_low,annual_return_high,max_drawdown,max_drawdown_low,max_drawdown_high," +
        "profit_factor,trades,sharpe_difference,sharpe_difference_p_value,binomial_p_value,random_timing_p_value,psr,dsr,min_track_record_days";

    public static string Comparison(EvaluationReport report)
    {
        var sb = new StringBuilder(ComparisonHeader).Append('\n');
        foreach (var set in report.Sets)
            foreach (var s in set.Scores)
            {
                var e = s.Statistics;
                var i = e.Ci95;
                sb.AppendJoin(',', Text(set.Set.Name), Text(set.Set.Kind), set.Set.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    set.Set.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Text(s.Name), s.Kind, Text(s.Label), N(s.Symbols), N(e.Observations),
                    F(e.Sharpe), F(i.Sharpe.Low), F(i.Sharpe.High), F(e.WinRate), F(i.WinRate.Low), F(i.WinRate.High),
                    F(e.TotalReturn), F(i.TotalReturn.Low), F(i.TotalReturn.High), F(e.Cagr), F(i.Cagr.Low), F(i.Cagr.High),
                    F(e.MaxDrawdown), F(i.MaxDrawdown.Low), F(i.MaxDrawdown.High), F(e.ProfitFactor), N(e.Trades),
                    F(e.SharpeDifference?.Difference ?? double.NaN), F(e.SharpeDifference?.PValue ?? double.NaN), F(e.BinomialPValue),
                    F(e.RandomTiming?.PValue ?? double.NaN), F(e.Psr), F(e.Dsr), F(e.MinTrackRecordDays)).Append('\n');
            }
        return sb.ToString();
    }

    public const string SlicesHeader = "test_set,candidate,grouping,slice,days,sharpe,annual_return,trades,win_rate";

    public static string Slices(EvaluationReport report)
    {
        var sb = new StringBuilder(SlicesHeader).Append('\n');
        foreach (var set in report.Sets)
            foreach (var s in set.Scores)
                foreach (var r in s.Slices)
                    sb.AppendJoin(',', Text(set.Set.Name), Text(s.Name), r.Grouping, Text(r.Slice), N(r.Days), F(r.Sharpe), F(r.AnnualReturn), N(r.Trades), F(r.WinRate)).Append('\n');
        return sb.ToString();
    }

    public const string ReturnsHeader = "test_set,candidate,date,return";

    /// <summary>Every candidate's daily returns on every test set; a candidate without returns (read from a record that
    /// lacked them) has no rows.</summary>
    public static string Returns(EvaluationReport report)
    {
        var sb = new StringBuilder(ReturnsHeader).Append('\n');
        foreach (var set in report.Sets)
            foreach (var s in set.Scores)
                if (s.Returns is { } r)
                    for (int i = 0; i < r.Returns.Length; i++)
                        sb.AppendJoin(',', Text(set.Set.Name), Text(s.Name), r.Dates[i].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), F(r.Returns[i])).Append('\n');
        return sb.ToString();
    }

    public const string DrawsHeader = "test_set,candidate,resample,sharpe,cagr,max_drawdown,total_return";

    /// <summary>Every candidate's bootstrap resamples on every test set (the Monte Carlo paths' statistics).</summary>
    public static string Draws(EvaluationReport report)
    {
        var sb = new StringBuilder(DrawsHeader).Append('\n');
        foreach (var set in report.Sets)
            foreach (var s in set.Scores)
            {
                var d = s.Statistics.Draws;
                for (int i = 0; i < d.Resamples; i++)
                    sb.AppendJoin(',', Text(set.Set.Name), Text(s.Name), N(i), F(d.Sharpe[i]), F(d.Cagr[i]), F(d.MaxDrawdown[i]), F(d.TotalReturn[i])).Append('\n');
            }
        return sb.ToString();
    }

    private static string F(double x) => double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string N(int x) => x.ToString(CultureInfo.InvariantCulture);

    /// <summary>A text field, quoted when it holds a comma or a quote (RFC 4180).</summary>
    private static string Text(string x) => x.IndexOfAny([',', '"', '\n']) < 0 ? x : "\"" + x.Replace("\"", "\"\"") + "\"";
}
