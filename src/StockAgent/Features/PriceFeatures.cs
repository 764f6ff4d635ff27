namespace StockAgent.Features;

/// <summary>
/// Causal per-bar features of one price series, computed in one pass (the value at t uses bars up to t only):
/// log returns over 1, 5, 20 and 60 bars; realised volatility over 20 and 60 bars (sample std of daily log
/// returns, not annualised); close / SMA20 - 1 and close / SMA50 - 1; RSI(14) / 100 - 0.5 (Wilder);
/// close / highest close of the last 252 bars - 1; MACD (EMA12 - EMA26) / close and its histogram
/// (MACD - EMA9 of MACD) / close, every EMA starting at the first value; Bollinger %b - 0.5 over 20 closes and
/// 2 sample standard deviations, i.e. (close - SMA20) / (4 std); and the z-score of log(1 + volume) against the
/// mean and sample std of the 20 bars up to and including t. Every value is scale-free. A value needing more
/// history than exists is 0, and so is %b or the volume z-score over a window with no spread.
/// </summary>
public static class PriceFeatures
{
    public static IReadOnlyList<string> Names { get; } =
        ["ret_1", "ret_5", "ret_20", "ret_60", "vol_20", "vol_60", "sma20_gap", "sma50_gap", "rsi_14", "dist_52w_high",
         "macd", "macd_hist", "bb_pctb", "volume_z"];

    public static int Count => Names.Count;

    /// <summary>Features of every bar, row-major (bars x <see cref="Count"/>).</summary>
    public static float[] Compute(ReadOnlySpan<double> close, ReadOnlySpan<double> volume)
    {
        var m = new float[close.Length * Count];
        Compute(close, volume, m, Count);
        return m;
    }

    /// <summary>Writes bar t's features to <paramref name="destination"/>[t * stride + k] for k in [0, <see cref="Count"/>);
    /// other positions are left alone, so callers can put more columns in the same rows.</summary>
    public static void Compute(ReadOnlySpan<double> close, ReadOnlySpan<double> volume, Span<float> destination, int stride)
    {
        int n = close.Length;
        if (volume.Length != n) throw new ArgumentException($"{n} closes but {volume.Length} volumes.", nameof(volume));
        if (stride < Count) throw new ArgumentOutOfRangeException(nameof(stride), $"stride {stride} is less than the {Count} features.");
        if (n > 0 && destination.Length < (n - 1) * stride + Count)
            throw new ArgumentException($"{destination.Length} values cannot hold {n} rows of stride {stride}.", nameof(destination));
        var logr = new double[n];
        var logVolume = new double[n];
        var maxWindow = new int[n]; // monotonic deque of indices of decreasing closes, [head, tail)
        int head = 0, tail = 0;
        for (int t = 0; t < n; t++)
        {
            logr[t] = t == 0 ? 0 : Math.Log(close[t] / close[t - 1]);
            logVolume[t] = Math.Log(1 + volume[t]);
        }
        const double a12 = 2.0 / 13, a26 = 2.0 / 27, a9 = 2.0 / 10;
        double sum20 = 0, sum50 = 0, gain = 0, loss = 0;
        double s20 = 0, ss20 = 0, s60 = 0, ss60 = 0;
        double ema12 = n > 0 ? close[0] : 0, ema26 = ema12, signal = 0;
        for (int t = 0; t < n; t++)
        {
            double c = close[t], r = logr[t];
            sum20 += c; if (t >= 20) sum20 -= close[t - 20];
            sum50 += c; if (t >= 50) sum50 -= close[t - 50];
            s20 += r; ss20 += r * r; if (t >= 20) { s20 -= logr[t - 20]; ss20 -= logr[t - 20] * logr[t - 20]; }
            s60 += r; ss60 += r * r; if (t >= 60) { s60 -= logr[t - 60]; ss60 -= logr[t - 60] * logr[t - 60]; }
            if (t >= 1)
            {
                double change = c - close[t - 1];
                double g = Math.Max(change, 0), l = Math.Max(-change, 0);
                if (t <= 14) { gain += g / 14; loss += l / 14; }
                else { gain = (gain * 13 + g) / 14; loss = (loss * 13 + l) / 14; }
            }
            ema12 += a12 * (c - ema12);
            ema26 += a26 * (c - ema26);
            double macd = ema12 - ema26;
            signal += a9 * (macd - signal);
            while (tail > head && close[maxWindow[tail - 1]] <= c) tail--;
            maxWindow[tail++] = t;
            if (maxWindow[head] <= t - 252) head++;

            var row = destination.Slice(t * stride, Count);
            row[0] = (float)r;
            row[1] = t >= 5 ? (float)Math.Log(c / close[t - 5]) : 0;
            row[2] = t >= 20 ? (float)Math.Log(c / close[t - 20]) : 0;
            row[3] = t >= 60 ? (float)Math.Log(c / close[t - 60]) : 0;
            row[4] = t >= 20 ? (float)Std(s20, ss20, 20) : 0;
            row[5] = t >= 60 ? (float)Std(s60, ss60, 60) : 0;
            row[6] = t >= 19 ? (float)(c / (sum20 / 20) - 1) : 0;
            row[7] = t >= 49 ? (float)(c / (sum50 / 50) - 1) : 0;
            row[8] = t >= 14 ? (float)((loss == 0 ? 100 : 100 - 100 / (1 + gain / loss)) / 100 - 0.5) : 0;
            row[9] = (float)(c / close[maxWindow[head]] - 1);
            row[10] = t >= 25 ? (float)(macd / c) : 0;
            row[11] = t >= 33 ? (float)((macd - signal) / c) : 0;
            row[12] = t >= 19 ? (float)(ZScore(close.Slice(t - 19, 20), c) / 4) : 0;
            row[13] = t >= 19 ? (float)ZScore(logVolume.AsSpan(t - 19, 20), logVolume[t]) : 0;
        }
    }

    private static double Std(double sum, double sumSq, int n)
    {
        double mean = sum / n;
        return Math.Sqrt(Math.Max(0, (sumSq - n * mean * mean) / (n - 1)));
    }

    /// <summary>(x - mean) / sample std of <paramref name="window"/>; 0 when the spread is nil (below 1e-12 of the mean,
    /// the rounding left by a constant window).</summary>
    private static double ZScore(ReadOnlySpan<double> window, double x)
    {
        double mean = 0, ss = 0;
        foreach (double v in window) mean += v;
        mean /= window.Length;
        foreach (double v in window) ss += (v - mean) * (v - mean);
        double std = Math.Sqrt(ss / (window.Length - 1));
        return std > 1e-12 * Math.Abs(mean) ? (x - mean) / std : 0;
    }
}
