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
        var cursor = new Cursor(fastPeriod, slowPeriod, signalPeriod);
        for (int t = 0; t < source.Length; t++)
        {
            cursor.Advance(source, t);
            macd[t] = cursor.Macd(t);
            signal[t] = cursor.Signal(t);
            histogram[t] = cursor.Histogram(t);
        }
    }

    /// <summary>The three EMAs of <see cref="Compute"/>, one value at a time: the same arithmetic, so the same numbers.
    /// Each line's value at t is read after Advance(source, t).</summary>
    internal struct Cursor(int fastPeriod, int slowPeriod, int signalPeriod)
    {
        private readonly double _aFast = Ema.Alpha(fastPeriod), _aSlow = Ema.Alpha(slowPeriod), _aSignal = Ema.Alpha(signalPeriod);
        private double _fast, _slow, _line, _signal;

        public readonly double Macd(int t) => t >= slowPeriod - 1 ? _line : double.NaN;
        public readonly double Signal(int t) => t >= slowPeriod + signalPeriod - 2 ? _signal : double.NaN;
        public readonly double Histogram(int t) => t >= slowPeriod + signalPeriod - 2 ? _line - _signal : double.NaN;

        /// <summary>Consumes source[t] (t runs 0, 1, 2, ...; reads no later value).</summary>
        public void Advance(ReadOnlySpan<double> source, int t)
        {
            double x = source[t];
            if (t == 0)
            {
                _fast = _slow = x;
                _signal = 0;
            }
            _fast = Ema.Next(_fast, _aFast, x);
            _slow = Ema.Next(_slow, _aSlow, x);
            _line = _fast - _slow;
            _signal = Ema.Next(_signal, _aSignal, _line);
        }
    }
}
