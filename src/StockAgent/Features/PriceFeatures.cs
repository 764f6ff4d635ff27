using System.Buffers;

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

    // Kernel outputs, one buffer of n values each (then scratch that the Bollinger calls share).
    private const int Ret1 = 0, Ret5 = 1, Ret20 = 2, Ret60 = 3, Vol20 = 4, Vol60 = 5, Sma20 = 6, Sma50 = 7, Rsi14 = 8, High252 = 9,
        MacdLine = 10, MacdHist = 11, PriceZ = 12, VolumeZ = 13, MacdSignal = 14, LogVolume = 15, Middle = 16, Upper = 17,
        Lower = 18, PercentB = 19, Buffers = 20;

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
        if (n == 0) return;
        var pool = ArrayPool<double>.Shared.Rent(n * Buffers);
        try
        {
            Span<double> B(int k) => pool.AsSpan(k * n, n);
            LogReturn.Compute(close, 1, B(Ret1));
            LogReturn.Compute(close, 5, B(Ret5));
            LogReturn.Compute(close, 20, B(Ret20));
            LogReturn.Compute(close, 60, B(Ret60));
            B(Vol20)[0] = B(Vol60)[0] = double.NaN; // daily returns start at bar 1
            RollingVolatility.Compute(B(Ret1)[1..], 20, B(Vol20)[1..]);
            RollingVolatility.Compute(B(Ret1)[1..], 60, B(Vol60)[1..]);
            Sma.Compute(close, 20, B(Sma20));
            Sma.Compute(close, 50, B(Sma50));
            Rsi.Compute(close, 14, B(Rsi14));
            RollingMax.Compute(close, 252, B(High252));
            Macd.Compute(close, 12, 26, 9, B(MacdLine), B(MacdSignal), B(MacdHist));
            BollingerBands.Compute(close, 20, 2, B(Middle), B(Upper), B(Lower), B(PercentB), B(PriceZ));
            var logVolume = B(LogVolume);
            for (int t = 0; t < n; t++) logVolume[t] = Math.Log(1 + volume[t]);
            BollingerBands.ZScore(logVolume, 20, B(VolumeZ));

            for (int t = 0; t < n; t++)
            {
                double c = close[t];
                var row = destination.Slice(t * stride, Count);
                row[0] = OrZero(pool[Ret1 * n + t]);
                row[1] = OrZero(pool[Ret5 * n + t]);
                row[2] = OrZero(pool[Ret20 * n + t]);
                row[3] = OrZero(pool[Ret60 * n + t]);
                row[4] = OrZero(pool[Vol20 * n + t]);
                row[5] = OrZero(pool[Vol60 * n + t]);
                row[6] = OrZero(c / pool[Sma20 * n + t] - 1);
                row[7] = OrZero(c / pool[Sma50 * n + t] - 1);
                row[8] = OrZero(pool[Rsi14 * n + t] / 100 - 0.5);
                row[9] = (float)(c / pool[High252 * n + t] - 1);
                row[10] = OrZero(pool[MacdLine * n + t] / c);
                row[11] = OrZero(pool[MacdHist * n + t] / c);
                row[12] = OrZero(pool[PriceZ * n + t] / 4);
                row[13] = OrZero(pool[VolumeZ * n + t]);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(pool);
        }
    }

    /// <summary>A kernel's value as a feature: NaN (warm-up, no spread) becomes 0.</summary>
    internal static float OrZero(double x) => double.IsNaN(x) ? 0 : (float)x;
}
