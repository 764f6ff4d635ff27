namespace StockAgent.Features;

/// <summary>
/// Rolling volatility of a return series: the sample standard deviation (normaliser n - 1) of the last <c>period</c>
/// returns, not annualised, from running sums S = sum r and Q = sum r^2 (r_t added, then r_{t-n} subtracted):
/// sqrt(max(0, (Q - n m^2) / (n - 1))) with m = S / n. The running sums make it O(1) per value; daily log returns are
/// small, so the cancellation in Q - n m^2 stays far below float precision (for a one-off standard deviation of a
/// window use <see cref="StockAgent.Statistics.MetricsCalculator.StdDev(ReadOnlySpan{double}, out double)"/>).
/// NaN during the warm-up, t &lt; n - 1. The features pass daily log returns from the second bar on.
/// </summary>
public static class RollingVolatility
{
    /// <summary>Writes the volatility of returns[t - n + 1 .. t] to <paramref name="destination"/>[t] (same length as
    /// <paramref name="returns"/>, not overlapping it).</summary>
    public static void Compute(ReadOnlySpan<double> returns, int period, Span<double> destination)
    {
        IndicatorArguments.Period(period, 2, nameof(period));
        IndicatorArguments.Output(returns, destination, nameof(destination));
        IndicatorCursor.Fill(returns, new Cursor(period), destination);
    }

    /// <summary>The running sums of <see cref="Compute"/>, one value at a time: the same arithmetic, so the same numbers.</summary>
    internal struct Cursor(int period) : IIndicatorCursor
    {
        private double _sum, _sumSq;

        /// <summary>The volatility at t, after Advance(returns, t); NaN in the warm-up.</summary>
        public readonly double Value(int t)
        {
            if (t < period - 1) return double.NaN;
            double mean = _sum / period;
            return Math.Sqrt(Math.Max(0, (_sumSq - period * mean * mean) / (period - 1)));
        }

        /// <summary>Consumes returns[t] (t runs 0, 1, 2, ...; reads no later value).</summary>
        public void Advance(ReadOnlySpan<double> returns, int t)
        {
            double r = returns[t];
            _sum += r;
            _sumSq += r * r;
            if (t >= period)
            {
                double old = returns[t - period];
                _sum -= old;
                _sumSq -= old * old;
            }
        }
    }
}
