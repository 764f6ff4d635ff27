using System.Globalization;

namespace StockAgent.Reporting;

/// <summary>How the benchmark report writes numbers, the same in Markdown and HTML (and in the tests that compare the
/// report with its evaluation record): invariant culture; ratios with two decimals, percentages with one, p-values with
/// three; "n/a" for a value that cannot be computed (NaN), "inf" for an infinite one (a profit factor with no losing trade).</summary>
public static class ReportFormat
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>A ratio (Sharpe, profit factor, PSR, DSR): "1.23".</summary>
    public static string Ratio(double x) => double.IsFinite(x) ? x.ToString("F2", C) : Missing(x);

    /// <summary>A fraction as a percentage: 0.1234 -> "12.3%".</summary>
    public static string Percent(double x) => double.IsFinite(x) ? (x * 100).ToString("F1", C) + "%" : Missing(x);

    /// <summary>A p-value: "0.035"; below 0.001 "< 0.001".</summary>
    public static string PValue(double p) => !double.IsFinite(p) ? Missing(p) : p < 0.001 ? "< 0.001" : p.ToString("F3", C);

    /// <summary>A whole count with thousands separators: "10,000".</summary>
    public static string Count(long n) => n.ToString("N0", C);

    /// <summary>A 95% interval "[low, high]" with <paramref name="format"/> for each bound; empty when it is undefined.</summary>
    public static string Interval(double low, double high, Func<double, string> format) =>
        double.IsFinite(low) && double.IsFinite(high) ? $"[{format(low)}, {format(high)}]" : "";

    /// <summary>A value followed by its interval when it has one: "1.23 [0.10, 2.40]".</summary>
    public static string WithInterval(double value, double low, double high, Func<double, string> format)
    {
        var i = Interval(low, high, format);
        return i.Length == 0 ? format(value) : format(value) + " " + i;
    }

    /// <summary>An ISO date.</summary>
    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", C);

    private static string Missing(double x) => double.IsPositiveInfinity(x) ? "inf" : double.IsNegativeInfinity(x) ? "-inf" : "n/a";
}
