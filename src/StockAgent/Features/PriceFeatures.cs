namespace StockAgent.Features;

/// <summary>
/// Causal per-bar features of one price series, computed in one pass (value at t uses closes up to t only):
/// log returns over 1, 5, 20 and 60 bars; realised volatility over 20 and 60 bars (sample std of daily log
/// returns, not annualised); close / SMA20 - 1 and close / SMA50 - 1; RSI(14) / 100 - 0.5 (Wilder); and
/// close / highest close of the last 252 bars - 1. A value needing more history than exists is 0.
/// </summary>
public static class PriceFeatures
{
    public static IReadOnlyList<string> Names { get; } =
        ["ret_1", "ret_5", "ret_20", "ret_60", "vol_20", "vol_60", "sma20_gap", "sma50_gap", "rsi_14", "dist_52w_high"];

    public static int Count => Names.Count;

    /// <summary>Features of every bar, row-major (bars x <see cref="Count"/>).</summary>
    public static float[] Compute(ReadOnlySpan<double> close)
    {
        int n = close.Length, f = Count;
        var m = new float[n * f];
        var logr = new double[n];
        for (int t = 1; t < n; t++) logr[t] = Math.Log(close[t] / close[t - 1]);
        double sum20 = 0, sum50 = 0, gain = 0, loss = 0;
        double s20 = 0, ss20 = 0, s60 = 0, ss60 = 0;
        var maxWindow = new System.Collections.Generic.LinkedList<int>(); // indices of decreasing closes (monotonic deque)
        for (int t = 0; t < n; t++)
        {
            sum20 += close[t]; if (t >= 20) sum20 -= close[t - 20];
            sum50 += close[t]; if (t >= 50) sum50 -= close[t - 50];
            double r = logr[t];
            s20 += r; ss20 += r * r; if (t >= 20) { s20 -= logr[t - 20]; ss20 -= logr[t - 20] * logr[t - 20]; }
            s60 += r; ss60 += r * r; if (t >= 60) { s60 -= logr[t - 60]; ss60 -= logr[t - 60] * logr[t - 60]; }
            if (t >= 1)
            {
                double change = close[t] - close[t - 1];
                double g = Math.Max(change, 0), l = Math.Max(-change, 0);
                if (t <= 14) { gain += g / 14; loss += l / 14; }
                else { gain = (gain * 13 + g) / 14; loss = (loss * 13 + l) / 14; }
            }
            while (maxWindow.Count > 0 && close[maxWindow.Last!.Value] <= close[t]) maxWindow.RemoveLast();
            maxWindow.AddLast(t);
            if (maxWindow.First!.Value <= t - 252) maxWindow.RemoveFirst();

            var row = m.AsSpan(t * f, f);
            row[0] = t >= 1 ? (float)r : 0;
            row[1] = t >= 5 ? (float)Math.Log(close[t] / close[t - 5]) : 0;
            row[2] = t >= 20 ? (float)Math.Log(close[t] / close[t - 20]) : 0;
            row[3] = t >= 60 ? (float)Math.Log(close[t] / close[t - 60]) : 0;
            row[4] = t >= 20 ? (float)Std(s20, ss20, 20) : 0;
            row[5] = t >= 60 ? (float)Std(s60, ss60, 60) : 0;
            row[6] = t >= 19 ? (float)(close[t] / (sum20 / 20) - 1) : 0;
            row[7] = t >= 49 ? (float)(close[t] / (sum50 / 50) - 1) : 0;
            row[8] = t >= 14 ? (float)((loss == 0 ? 100 : 100 - 100 / (1 + gain / loss)) / 100 - 0.5) : 0;
            row[9] = (float)(close[t] / close[maxWindow.First.Value] - 1);
        }
        return m;
    }

    private static double Std(double sum, double sumSq, int n)
    {
        double mean = sum / n;
        return Math.Sqrt(Math.Max(0, (sumSq - n * mean * mean) / (n - 1)));
    }
}
