namespace StockAgent.Features;

/// <summary>
/// Log return over <c>lookback</c> values: ln(x_t / x_{t-k}). NaN during the warm-up, t &lt; k. The features' returns,
/// the market context, the sector strength and the momentum baseline (long when the lookback return is positive) use it.
/// </summary>
public static class LogReturn
{
    /// <summary>Writes ln(x_t / x_{t-k}) to <paramref name="destination"/>[t] (same length as <paramref name="source"/>, not overlapping it).</summary>
    public static void Compute(ReadOnlySpan<double> source, int lookback, Span<double> destination)
    {
        IndicatorArguments.Period(lookback, 1, nameof(lookback));
        IndicatorArguments.Output(source, destination, nameof(destination));
        for (int t = 0; t < source.Length; t++) destination[t] = At(source, t, lookback);
    }

    /// <summary>The value at t alone (NaN for t &lt; lookback), for a caller that needs one bar (the momentum baseline).</summary>
    internal static double At(ReadOnlySpan<double> source, int t, int lookback) =>
        t >= lookback ? Math.Log(source[t] / source[t - lookback]) : double.NaN;
}
