namespace StockAgent.Features;

/// <summary>
/// Moving average convergence/divergence (Appel): MACD_t = EMA_fast(x)_t - EMA_slow(x)_t, signal_t = EMA_signal(MACD)_t,
/// histogram_t = MACD_t - signal_t. Every EMA is <see cref="Ema"/>'s, seeded at its first value (the MACD line is 0 at
/// t = 0). NaN during the warm-up: MACD for t &lt; slow - 1, signal and histogram for t &lt; slow + signal - 2.
/// Usual periods 12, 26, 9.
/// </summary>
public static class Macd
{
    /// <summary>Writes the three lines to their buffers (each the length of <paramref name="source"/>; no two overlapping).</summary>
    public static void Compute(ReadOnlySpan<double> source, int fastPeriod, int slowPeriod, int signalPeriod,
        Span<double> macd, Span<double> signal, Span<double> histogram)
    {
        IndicatorArguments.Period(fastPeriod, 1, nameof(fastPeriod));
        if (slowPeriod <= fastPeriod)
            throw new ArgumentOutOfRangeException(nameof(slowPeriod), $"{nameof(slowPeriod)} ({slowPeriod}) must be greater than {nameof(fastPeriod)} ({fastPeriod}).");
        IndicatorArguments.Period(signalPeriod, 1, nameof(signalPeriod));
        IndicatorArguments.Output(source, macd, nameof(macd));
        IndicatorArguments.Output(source, signal, nameof(signal));
        IndicatorArguments.Output(source, histogram, nameof(histogram));
        IndicatorArguments.Separate(macd, nameof(macd), signal, nameof(signal));
        IndicatorArguments.Separate(macd, nameof(macd), histogram, nameof(histogram));
        IndicatorArguments.Separate(signal, nameof(signal), histogram, nameof(histogram));
        if (source.Length == 0) return;
        double aFast = Ema.Alpha(fastPeriod), aSlow = Ema.Alpha(slowPeriod), aSignal = Ema.Alpha(signalPeriod);
        double fast = source[0], slow = fast, line = fast - slow;
        int lineReady = slowPeriod - 1, signalReady = slowPeriod + signalPeriod - 2;
        for (int t = 0; t < source.Length; t++)
        {
            double x = source[t];
            fast = Ema.Next(fast, aFast, x);
            slow = Ema.Next(slow, aSlow, x);
            double m = fast - slow;
            line = Ema.Next(line, aSignal, m);
            macd[t] = t >= lineReady ? m : double.NaN;
            bool ready = t >= signalReady;
            signal[t] = ready ? line : double.NaN;
            histogram[t] = ready ? m - line : double.NaN;
        }
    }
}
