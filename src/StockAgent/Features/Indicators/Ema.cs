namespace StockAgent.Features;

/// <summary>
/// Exponential moving average: EMA_t = EMA_{t-1} + a (x_t - EMA_{t-1}), a = 2 / (n + 1), seeded at the first value
/// (EMA_0 = x_0, not at the SMA of the first n values as StockCharts seeds it; the two converge as (1 - a)^t).
/// NaN during the warm-up, t &lt; n - 1; the recursion itself runs from t = 0.
/// </summary>
public static class Ema
{
    /// <summary>The smoothing factor 2 / (period + 1).</summary>
    public static double Alpha(int period) => 2.0 / (period + 1);

    /// <summary>Writes EMA_t to <paramref name="destination"/>[t] (same length as <paramref name="source"/>, not overlapping it).</summary>
    public static void Compute(ReadOnlySpan<double> source, int period, Span<double> destination)
    {
        IndicatorArguments.Period(period, 1, nameof(period));
        IndicatorArguments.Output(source, destination, nameof(destination));
        if (source.Length == 0) return;
        double alpha = Alpha(period), ema = source[0];
        for (int t = 0; t < source.Length; t++)
        {
            ema = Next(ema, alpha, source[t]);
            destination[t] = t >= period - 1 ? ema : double.NaN;
        }
    }

    /// <summary>One step of the recursion (shared with <see cref="Macd"/>).</summary>
    internal static double Next(double previous, double alpha, double value) => previous + alpha * (value - previous);
}
