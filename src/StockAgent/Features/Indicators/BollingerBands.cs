using System.Globalization;
using StockAgent.Statistics;

namespace StockAgent.Features;

/// <summary>
/// Bollinger bands over <c>period</c> values and <c>multiplier</c> standard deviations (Bollinger 2001). For the window
/// x_{t-n+1} .. x_t: middle = its mean m, s = its sample standard deviation (normaliser n - 1, two-pass, from
/// <see cref="MetricsCalculator.StdDev(ReadOnlySpan{double}, out double)"/>; Bollinger and StockCharts use the population
/// one, so their bands are narrower by sqrt((n - 1) / n)), upper / lower = m +/- k s, z = (x_t - m) / s and
/// %b = (x_t - lower) / (upper - lower) = 1/2 + z / (2k). NaN during the warm-up, t &lt; n - 1; %b and z are also NaN
/// when the window has no spread (s &lt;= 1e-12 x |m|). The features' bb_pctb is z / 4 (= %b - 0.5 for k = 2) and
/// their volume z-score is <see cref="ZScore"/> over log volumes.
/// </summary>
public static class BollingerBands
{
    /// <summary>Writes the five outputs (each the length of <paramref name="source"/>; no two overlapping, none overlapping the source).</summary>
    public static void Compute(ReadOnlySpan<double> source, int period, double multiplier,
        Span<double> middle, Span<double> upper, Span<double> lower, Span<double> percentB, Span<double> zScore)
    {
        IndicatorArguments.Period(period, 2, nameof(period));
        if (!(multiplier > 0) || !double.IsFinite(multiplier))
            throw new ArgumentOutOfRangeException(nameof(multiplier), string.Create(CultureInfo.InvariantCulture, $"{nameof(multiplier)} must be positive and finite (got {multiplier})."));
        IndicatorArguments.Output(source, middle, nameof(middle));
        IndicatorArguments.Output(source, upper, nameof(upper));
        IndicatorArguments.Output(source, lower, nameof(lower));
        IndicatorArguments.Output(source, percentB, nameof(percentB));
        IndicatorArguments.Output(source, zScore, nameof(zScore));
        IndicatorArguments.Separate(middle, nameof(middle), upper, nameof(upper));
        IndicatorArguments.Separate(middle, nameof(middle), lower, nameof(lower));
        IndicatorArguments.Separate(middle, nameof(middle), percentB, nameof(percentB));
        IndicatorArguments.Separate(middle, nameof(middle), zScore, nameof(zScore));
        IndicatorArguments.Separate(upper, nameof(upper), lower, nameof(lower));
        IndicatorArguments.Separate(upper, nameof(upper), percentB, nameof(percentB));
        IndicatorArguments.Separate(upper, nameof(upper), zScore, nameof(zScore));
        IndicatorArguments.Separate(lower, nameof(lower), percentB, nameof(percentB));
        IndicatorArguments.Separate(lower, nameof(lower), zScore, nameof(zScore));
        IndicatorArguments.Separate(percentB, nameof(percentB), zScore, nameof(zScore));
        double half = 0.5 / multiplier;
        for (int t = 0; t < source.Length; t++)
        {
            if (t < period - 1)
            {
                middle[t] = upper[t] = lower[t] = percentB[t] = zScore[t] = double.NaN;
                continue;
            }
            double z = Window(source, t, period, out double mean, out double s);
            double width = multiplier * s;
            middle[t] = mean;
            upper[t] = mean + width;
            lower[t] = mean - width;
            zScore[t] = z;
            percentB[t] = 0.5 + z * half;
        }
    }

    /// <summary>Only the z-score output of <see cref="Compute"/>, (x_t - m) / s, to <paramref name="destination"/>
    /// (same length as <paramref name="source"/>, not overlapping it): the same numbers without the bands.</summary>
    public static void ZScore(ReadOnlySpan<double> source, int period, Span<double> destination)
    {
        IndicatorArguments.Period(period, 2, nameof(period));
        IndicatorArguments.Output(source, destination, nameof(destination));
        for (int t = 0; t < source.Length; t++) destination[t] = ZScoreAt(source, t, period);
    }

    /// <summary>The z-score at t alone (NaN in the warm-up or without spread), for a caller that goes bar by bar.</summary>
    internal static double ZScoreAt(ReadOnlySpan<double> source, int t, int period) =>
        t < period - 1 ? double.NaN : Window(source, t, period, out _, out _);

    /// <summary>The window ending at t: its mean, sample std and the z-score of x_t (NaN without spread).</summary>
    private static double Window(ReadOnlySpan<double> source, int t, int period, out double mean, out double s)
    {
        s = MetricsCalculator.StdDev(source.Slice(t - period + 1, period), out mean);
        return s > 1e-12 * Math.Abs(mean) ? (source[t] - mean) / s : double.NaN;
    }
}
