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
        IndicatorCursor.Fill(source, new Cursor(period), destination);
    }

    /// <summary>The running sum of <see cref="Compute"/>, one value at a time, for a caller that goes bar by bar (a
    /// baseline's session, the features' one pass): the same arithmetic, so the same numbers.</summary>
    internal struct Cursor(int period) : IIndicatorCursor
    {
        private double _sum;

        /// <summary>SMA at t, after Advance(source, t); NaN in the warm-up.</summary>
        public readonly double Value(int t) => t >= period - 1 ? _sum / period : double.NaN;

        /// <summary>Consumes source[t]; t must run 0, 1, 2, ...</summary>
        public void Advance(ReadOnlySpan<double> source, int t)
        {
            _sum += source[t];
            if (t >= period) _sum -= source[t - period];
        }
    }
}
