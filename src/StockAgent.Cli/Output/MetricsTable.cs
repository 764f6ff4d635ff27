using System.Globalization;
using StockAgent.Statistics;

namespace StockAgent.Cli.Output;

/// <summary>A fixed-width text table of metrics, one row per name; numbers in the invariant culture.</summary>
public static class MetricsTable
{
    public static void Write(TextWriter o, IEnumerable<(string Name, PerformanceMetrics Metrics)> rows)
    {
        o.WriteLine($"{"",-14} {"return",9} {"cagr",8} {"vol",7} {"sharpe",7} {"sortino",8} {"max dd",7} {"win %",6} {"pf",6} {"trades",7} {"exposure",8} {"final equity",14}");
        foreach (var (name, m) in rows)
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-14} {P(m.TotalReturn),9} {P(m.Cagr),8} {P(m.Volatility),7} {F(m.Sharpe),7} {F(m.Sortino),8} {P(m.MaxDrawdown),7} {P(m.WinRate, 0),6} {F(m.ProfitFactor),6} {m.Trades,7} {P(m.Exposure, 0),8} {m.FinalEquity,14:N0}"));
    }

    private static string P(double x, int decimals = 1) =>
        double.IsFinite(x) ? (x * 100).ToString("F" + decimals, CultureInfo.InvariantCulture) + "%" : "-";

    private static string F(double x) =>
        double.IsFinite(x) ? x.ToString("F2", CultureInfo.InvariantCulture) : double.IsPositiveInfinity(x) ? "inf" : "-";
}
