using System.Globalization;

namespace StockAgent.Evaluation;

/// <summary>The groups of an <see cref="ErrorAnalysisResult"/> as CSV (errors_by_group.csv): grouping, key, trades,
/// win_rate, total_pnl, mean_pnl, share_of_loss, days, daily_pnl; invariant culture, round-trip numbers, empty where
/// a value cannot be computed.</summary>
public static class ErrorAnalysisTable
{
    public const string Header = "grouping,key,trades,win_rate,total_pnl,mean_pnl,share_of_loss,days,daily_pnl";

    public static string ToCsv(ErrorAnalysisResult result)
    {
        static string F(double x) => double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";
        static string Q(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
        var lines = new List<string> { Header };
        lines.AddRange(result.Groups.Select(g => string.Join(",", g.Grouping, Q(g.Key), g.Trades.ToString(CultureInfo.InvariantCulture), F(g.WinRate),
            F(g.TotalPnl), F(g.MeanPnl), F(g.ShareOfLoss), g.Days.ToString(CultureInfo.InvariantCulture), F(g.DailyPnl))));
        return string.Join("\n", lines) + "\n";
    }
}
