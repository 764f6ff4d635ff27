namespace StockAgent.Features;

/// <summary>
/// Simple moving average over <c>period</c> values: SMA_t = (x_{t-n+1} + ... + x_t) / n, from a running sum (x_t added,
/// then x_{t-n} subtracted). NaN during the warm-up, t &lt; n - 1. A NaN input stays in the running sum (every later value
/// is NaN). The baselines' SMA crossover and the features' SMA gaps both use it.
/// </summary>
public static class Sma
{
    /// <summary>Writes SMA_t to <paramref name="destination"/>[t] (same length as <paramref name="source"/>, not overlapping it).</summary>
    public static void Compute(ReadOnlySpan<double> source, int period, Span<double> destination)
    {
        IndicatorArguments.Period(period, 1, nameof(period));
        IndicatorArguments.Output(source, destination, nameof(destination));
        double sum = 0;
        for (int t = 0; t < source.Length; t++)
        {
            sum += source[t];
            if (t >= period) sum -= source[t - period];
            destination[t] = t >= period - 1 ? sum / period : double.NaN;
        }
    }
}
