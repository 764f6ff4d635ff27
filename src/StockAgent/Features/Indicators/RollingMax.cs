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
        var queue = new int[source.Length]; // indices of decreasing values, [head, tail)
        int head = 0, tail = 0;
        for (int t = 0; t < source.Length; t++)
        {
            double x = source[t];
            while (tail > head && source[queue[tail - 1]] <= x) tail--;
            queue[tail++] = t;
            if (queue[head] <= t - period) head++;
            destination[t] = source[queue[head]];
        }
    }
}
