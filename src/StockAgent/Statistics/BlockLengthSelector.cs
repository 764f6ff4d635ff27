namespace StockAgent.Statistics;

/// <summary>
/// Automatic block-length selection for the dependent bootstrap: Politis and White (2004), "Automatic block-length
/// selection for the dependent bootstrap", Econometric Reviews 23(1), with the correction of Patton, Politis and White
/// (2009), Econometric Reviews 28(4) (the stationary-bootstrap constant D_SB = 2 g^2).
/// <para>With e_t = x_t - mean and R(k) = (1/n) sum_{t=1}^{n-k} e_t e_{t+k} (normaliser n), rho(k) = R(k) / R(0):</para>
/// <list type="number">
/// <item>m-hat is the smallest j &gt;= 1 such that |rho(j)|, ..., |rho(j + K_N - 1)| all lie below c = 2 sqrt(log10(n) / n),
/// with K_N = max(5, ceil(sqrt(log10 n))); lags go up to m_max = ceil(sqrt n) + K_N (the constants of Patton's
/// opt_block_length_REV_dec07.m). Without such a run, m-hat is the largest lag with |rho| &gt;= c.</item>
/// <item>M = min(2 m-hat, m_max); with the flat-top window lambda(t) = 1 for |t| &lt;= 1/2, 2(1 - |t|) for 1/2 &lt; |t| &lt;= 1:
/// G = sum_{|k| &lt;= M} lambda(k/M) |k| R(k) and g = sum_{|k| &lt;= M} lambda(k/M) R(k).</item>
/// <item>b_SB = (2 G^2 / D_SB)^(1/3) n^(1/3) with D_SB = 2 g^2, and b_CB the same with D_CB = (4/3) g^2; both capped at
/// b_max = ceil(min(3 sqrt n, n / 3)) and floored at 1 (a block length below one observation means no dependence to keep).</item>
/// </list>
/// A series shorter than <see cref="MinimumObservations"/> or constant (variance below 1e-24 max(1, mean^2)) gives 1 (the IID bootstrap).
/// </summary>
public static class BlockLengthSelector
{
    /// <summary>Below this many observations the autocorrelations cannot be screened (m_max would reach n).</summary>
    public const int MinimumObservations = 16;

    public static BlockLengths Estimate(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        if (n < MinimumObservations) return new BlockLengths(1, 1);
        foreach (var v in x)
            if (!double.IsFinite(v)) throw new ArgumentException("the series holds a NaN or infinite value.", nameof(x));
        double mean = MetricsCalculator.Mean(x);
        var e = new double[n];
        for (int t = 0; t < n; t++) e[t] = x[t] - mean;

        int kn = Math.Max(5, (int)Math.Ceiling(Math.Sqrt(Math.Log10(n))));
        int mMax = Math.Min((int)Math.Ceiling(Math.Sqrt(n)) + kn, n - 1);
        var acv = new double[mMax + 1];
        for (int k = 0; k <= mMax; k++)
        {
            double s = 0;
            for (int t = 0; t + k < n; t++) s += e[t] * e[t + k];
            acv[k] = s / n;
        }
        if (!(acv[0] > 1e-24 * Math.Max(1, mean * mean))) return new BlockLengths(1, 1); // constant up to rounding

        double c = 2 * Math.Sqrt(Math.Log10(n) / n);
        bool Insignificant(int k) => Math.Abs(acv[k] / acv[0]) < c;
        int mHat = -1;
        for (int j = 1; j + kn - 1 <= mMax && mHat < 0; j++)
        {
            bool run = true;
            for (int k = j; k < j + kn && run; k++) run = Insignificant(k);
            if (run) mHat = j;
        }
        if (mHat < 0)
            for (int k = mMax; k >= 1 && mHat < 0; k--)
                if (!Insignificant(k)) mHat = k;
        int m = Math.Min(2 * Math.Max(mHat, 1), mMax);

        double g = 0, longRun = acv[0];
        for (int k = 1; k <= m; k++)
        {
            double ratio = (double)k / m, lambda = ratio <= 0.5 ? 1 : 2 * (1 - ratio);
            g += 2 * lambda * k * acv[k];
            longRun += 2 * lambda * acv[k];
        }
        double bMax = Math.Ceiling(Math.Min(3 * Math.Sqrt(n), n / 3.0));
        double cube = Math.Cbrt(n);
        double Block(double d) => Math.Clamp(Math.Cbrt(2 * g * g / d) * cube, 1, bMax);
        if (!(longRun * longRun > 0)) return new BlockLengths(1, 1);
        return new BlockLengths(Block(2 * longRun * longRun), Block(4.0 / 3 * longRun * longRun));
    }
}
