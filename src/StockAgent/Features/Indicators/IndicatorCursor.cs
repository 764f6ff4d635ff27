namespace StockAgent.Features;

/// <summary>The span form of a one-output cursor.</summary>
internal static class IndicatorCursor
{
    /// <summary>destination[t] = the cursor's value after consuming source[0..t] (a generic struct, so the loop is
    /// compiled for each cursor type and the calls are direct).</summary>
    public static void Fill<T>(ReadOnlySpan<double> source, T cursor, Span<double> destination) where T : struct, IIndicatorCursor
    {
        for (int t = 0; t < source.Length; t++)
        {
            cursor.Advance(source, t);
            destination[t] = cursor.Value(t);
        }
    }
}
