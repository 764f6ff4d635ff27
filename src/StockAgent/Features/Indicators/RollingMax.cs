namespace StockAgent.Features;

/// <summary>
/// Highest value of the last <c>period</c> values, max(x_{t-n+1} .. x_t); while fewer than n values exist, the highest so
/// far (a 52-week high on a shorter history), so there is no warm-up. One pass with a monotonic queue of candidate
/// indices: O(1) amortised per value.
/// </summary>
public static class RollingMax
{
    /// <summary>Writes the rolling maximum to <paramref name="destination"/>[t] (same length as <paramref name="source"/>, not overlapping it).</summary>
    public static void Compute(ReadOnlySpan<double> source, int period, Span<double> destination)
    {
        IndicatorArguments.Period(period, 1, nameof(period));
        IndicatorArguments.Output(source, destination, nameof(destination));
        var cursor = new Cursor(period, source.Length);
        for (int t = 0; t < source.Length; t++) destination[t] = cursor.Advance(source, t);
    }

    /// <summary><see cref="Compute"/> one value at a time, over a source of at most <c>capacity</c> values.</summary>
    internal struct Cursor(int period, int capacity)
    {
        private readonly int[] _queue = new int[capacity];
        private int _head, _tail;

        /// <summary>Consumes source[t] and returns the maximum at t.</summary>
        public double Advance(ReadOnlySpan<double> source, int t)
        {
            double x = source[t];
            while (_tail > _head && source[_queue[_tail - 1]] <= x) _tail--;
            _queue[_tail++] = t;
            if (_queue[_head] <= t - period) _head++;
            return source[_queue[_head]];
        }
    }
}
