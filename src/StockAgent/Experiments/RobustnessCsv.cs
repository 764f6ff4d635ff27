using System.Globalization;
using System.Text;

namespace StockAgent.Experiments;

/// <summary>A <see cref="RobustnessResult"/>'s rows as CSV, one per configuration: group, scenario, label, from, to,
/// symbols, days, sharpe, sharpe_ci95_low, sharpe_ci95_high, total_return, max_drawdown, win_rate, trades, exposure,
/// note. Invariant culture, ISO dates; NaN and missing values are empty fields; text fields are quoted when needed.</summary>
public static class RobustnessCsv
{
    public const string Header = "group,scenario,label,from,to,symbols,days,sharpe,sharpe_ci95_low,sharpe_ci95_high,total_return,max_drawdown,win_rate,trades,exposure,note";

    public static string Write(RobustnessResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var c = CultureInfo.InvariantCulture;
        string F(double x) => double.IsFinite(x) ? x.ToString("R", c) : "";
        string D(DateOnly? d) => d is { } x ? x.ToString("yyyy-MM-dd", c) : "";
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var r in result.Rows)
            sb.Append(string.Join(",", Quote(r.Group), Quote(r.Scenario), Quote(r.Label), D(r.From), D(r.To), r.Symbols.ToString(c), r.Days.ToString(c),
                F(r.Sharpe), F(r.SharpeCi95.Low), F(r.SharpeCi95.High), F(r.TotalReturn), F(r.MaxDrawdown), F(r.WinRate), r.Trades.ToString(c), F(r.Exposure),
                Quote(r.Note ?? ""))).Append('\n');
        return sb.ToString();
    }

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
