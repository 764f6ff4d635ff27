namespace StockAgent.Features;

/// <summary>
/// Causal per-bar features of one price series (the value at t uses bars up to t only), each from an indicator kernel:
/// <see cref="LogReturn"/>s over 1, 5, 20 and 60 bars; <see cref="RollingVolatility"/> over 20 and 60 bars (sample std of
/// daily log returns, not annualised); close / <see cref="Sma"/>20 - 1 and close / SMA50 - 1; <see cref="Rsi"/>(14) / 100 - 0.5
/// (Wilder); close / <see cref="RollingMax"/> of the last 252 closes - 1; <see cref="Macd"/>(12, 26, 9) / close and its
/// histogram / close, every EMA starting at the first value; Bollinger %b - 0.5 over 20 closes and 2 sample standard
/// deviations, i.e. the <see cref="BollingerBands"/> z-score / 4; and the z-score of log(1 + volume) against the mean and
/// sample std of the 20 bars up to and including t (the same kernel's <see cref="BollingerBands.ZScore"/> over log volumes). Every value is scale-free. A
/// value needing more history than exists is 0, and so is %b or the volume z-score over a window with no spread
/// (the kernels' NaN).
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
    /// other positions are left alone, so callers can put more columns in the same rows. One pass: every kernel advances
    /// bar by bar with its own cursor (the arithmetic of its span form, so the numbers are the kernels').</summary>
    public static void Compute(ReadOnlySpan<double> close, ReadOnlySpan<double> volume, Span<float> destination, int stride)
    {
        int n = close.Length;
        if (volume.Length != n) throw new ArgumentException($"{n} closes but {volume.Length} volumes.", nameof(volume));
        if (stride < Count) throw new ArgumentOutOfRangeException(nameof(stride), $"stride {stride} is less than the {Count} features.");
        if (n > 0 && destination.Length < (n - 1) * stride + Count)
            throw new ArgumentException($"{destination.Length} values cannot hold {n} rows of stride {stride}.", nameof(destination));
        var logVolume = new double[n];
        var dailyReturns = new double[Math.Max(0, n - 1)]; // ln(close_t / close_{t-1}) for t >= 1, at index t - 1
        for (int t = 0; t < n; t++)
        {
            if (t > 0) dailyReturns[t - 1] = LogReturn.At(close, t, 1);
            logVolume[t] = Math.Log(1 + volume[t]);
        }
        Sma.Cursor sma20 = new(20), sma50 = new(50);
        Rsi.Cursor rsi = new(14);
        RollingMax.Cursor high = new(252, n);
        Macd.Cursor macd = new(12, 26, 9);
        RollingVolatility.Cursor vol20 = new(20), vol60 = new(60);
        int count = Count;
        for (int t = 0; t < n; t++)
        {
            double c = close[t];
            sma20.Advance(close, t);
            sma50.Advance(close, t);
            rsi.Advance(close, t);
            double max = high.Advance(close, t);
            macd.Advance(close, t);
            var row = destination.Slice(t * stride, count);
            if (t > 0)
            {
                vol20.Advance(dailyReturns, t - 1);
                vol60.Advance(dailyReturns, t - 1);
                row[0] = (float)dailyReturns[t - 1];
                row[4] = OrZero(vol20.Value(t - 1));
                row[5] = OrZero(vol60.Value(t - 1));
            }
            else row[0] = row[4] = row[5] = 0;
            row[1] = OrZero(LogReturn.At(close, t, 5));
            row[2] = OrZero(LogReturn.At(close, t, 20));
            row[3] = OrZero(LogReturn.At(close, t, 60));
            row[6] = OrZero(c / sma20.Value(t) - 1);
            row[7] = OrZero(c / sma50.Value(t) - 1);
            row[8] = OrZero(rsi.Value(t) / 100 - 0.5);
            row[9] = (float)(c / max - 1);
            row[10] = OrZero(macd.Macd(t) / c);
            row[11] = OrZero(macd.Histogram(t) / c);
            row[12] = OrZero(BollingerBands.ZScoreAt(close, t, 20) / 4);
            row[13] = OrZero(BollingerBands.ZScoreAt(logVolume, t, 20));
        }
    }

    /// <summary>A kernel's value as a feature: NaN (warm-up, no spread) becomes 0.</summary>
    internal static float OrZero(double x) => double.IsNaN(x) ? 0 : (float)x;
}
