namespace StockAgent.Features;

/// <summary>
/// Wilder's relative strength index over <c>period</c> changes (Wilder 1978; the StockCharts ChartSchool table is a worked
/// example). Changes d_t = x_t - x_{t-1}, gains max(d, 0), losses max(-d, 0). The first averages (at t = n) are the means
/// of the first n gains and losses (accumulated as the sum of g / n); after that Wilder's smoothing
/// avg_t = (avg_{t-1} (n - 1) + g_t) / n. RSI = 100 - 100 / (1 + avgGain / avgLoss), and 100 when avgLoss is 0 (also for a
/// flat series). Values in [0, 100]; NaN during the warm-up, t &lt; n. The features' rsi_14 and the mean-reversion
/// baseline both use it.
/// </summary>
public static class Rsi
{
    /// <summary>Writes RSI_t to <paramref name="destination"/>[t] (same length as <paramref name="source"/>, not overlapping it).</summary>
    public static void Compute(ReadOnlySpan<double> source, int period, Span<double> destination)
    {
        IndicatorArguments.Period(period, 1, nameof(period));
        IndicatorArguments.Output(source, destination, nameof(destination));
        IndicatorCursor.Fill(source, new Cursor(period), destination);
    }

    /// <summary>The averages of <see cref="Compute"/>, one value at a time, for a caller that goes bar by bar (a
    /// baseline's session, the features' one pass): the same arithmetic, so the same numbers.</summary>
    internal struct Cursor(int period) : IIndicatorCursor
    {
        private double _gain, _loss;

        /// <summary>RSI at t, after Advance(source, t); NaN in the warm-up.</summary>
        public readonly double Value(int t) => t >= period ? (_loss == 0 ? 100 : 100 - 100 / (1 + _gain / _loss)) : double.NaN;

        /// <summary>Consumes source[t] (t runs 0, 1, 2, ...; reads no later value).</summary>
        public void Advance(ReadOnlySpan<double> source, int t)
        {
            if (t == 0) return;
            double change = source[t] - source[t - 1];
            double g = Math.Max(change, 0), l = Math.Max(-change, 0);
            if (t <= period)
            {
                _gain += g / period;
                _loss += l / period;
            }
            else
            {
                _gain = (_gain * (period - 1) + g) / period;
                _loss = (_loss * (period - 1) + l) / period;
            }
        }
    }
}
