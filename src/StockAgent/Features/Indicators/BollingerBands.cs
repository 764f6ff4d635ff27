using StockAgent.Statistics;

namespace StockAgent.Features;

/// <summary>
/// Bollinger bands over <c>period</c> values and <c>multiplier</c> standard deviations (Bollinger 2001). For the window
/// x_{t-n+1} .. x_t: middle = its mean, s = its sample standard deviation (normaliser n - 1, two-pass, from
/// <see cref="MetricsCalculator.StdDev(ReadOnlySpan{double}, out double)"/>; Bollinger and StockCharts use the population
/// one, so their bands are narrower by sqrt((n - 1) / n)), upper / lower = middle +/- k s,
/// %b = (x_t - lower) / (upper - lower) and z = (x_t - middle) / s. NaN during the warm-up, t &lt; n - 1; %b and z are also
/// NaN when the window has no spread (s &lt;= 1e-12 x |middle|, the rounding a constant window can leave).
/// The features' bb_pctb is z / 4 (= %b - 0.5 for k = 2) and their volume z-score is z over log volumes.
/// </summary>
public static class BollingerBands
{
    /// <summary>Writes the five outputs (each the length of <paramref name="source"/>; none overlapping the source).</summary>
    public static void Compute(ReadOnlySpan<double> source, int period, double multiplier,
        Span<double> middle, Span<double> upper, Span<double> lower, Span<double> percentB, Span<double> zScore)
    {
        IndicatorArguments.Period(period, 2, nameof(period));
        if (!(multiplier > 0) || !double.IsFinite(multiplier))
            throw new ArgumentOutOfRangeException(nameof(multiplier), $"{nameof(multiplier)} must be positive and finite (got {multiplier}).");
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
        for (int t = 0; t < source.Length; t++)
        {
            if (t < period - 1)
            {
                middle[t] = upper[t] = lower[t] = percentB[t] = zScore[t] = double.NaN;
                continue;
            }
            double s = MetricsCalculator.StdDev(source.Slice(t - period + 1, period), out double mean);
            double x = source[t], up = mean + multiplier * s, down = mean - multiplier * s;
            bool spread = s > 1e-12 * Math.Abs(mean);
            middle[t] = mean;
            upper[t] = up;
            lower[t] = down;
            percentB[t] = spread ? (x - down) / (up - down) : double.NaN;
            zScore[t] = spread ? (x - mean) / s : double.NaN;
        }
    }
}
