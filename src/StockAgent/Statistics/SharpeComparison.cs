using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace StockAgent.Statistics;

/// <summary>
/// Tests of the difference of two Sharpe ratios measured on the same dates (strategy a against benchmark b). Sharpe
/// ratios are per period: mean / sample standard deviation (n - 1).
/// </summary>
public static class SharpeComparison
{
    /// <summary>
    /// Jobson and Korkie (1981), "Performance hypothesis testing with the Sharpe and Treynor measures", Journal of
    /// Finance 36(4), with the correction of Memmel (2003), "Performance hypothesis testing with the Sharpe ratio",
    /// Finance Letters 1: z = (SR_a - SR_b) / sqrt(theta) with
    /// theta = (1/T) [2 - 2 rho + (SR_a^2 + SR_b^2 - 2 SR_a SR_b rho^2) / 2], rho the sample correlation of the two
    /// series; asymptotically N(0, 1) under H0 for IID normal returns; two-sided p = 2 (1 - Phi(|z|)).
    /// </summary>
    public static SharpeDifferenceTest JobsonKorkieMemmel(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        CheckPair(a, b, 3);
        int n = a.Length;
        double ma = MetricsCalculator.Mean(a), mb = MetricsCalculator.Mean(b);
        double sa = MetricsCalculator.StdDev(a, 0), sb = MetricsCalculator.StdDev(b, 0), cov = 0;
        for (int t = 0; t < n; t++) cov += (a[t] - ma) * (b[t] - mb);
        cov /= n - 1;
        if (!(sa > 0) || !(sb > 0)) return new SharpeDifferenceTest(double.NaN, double.NaN, double.NaN, double.NaN);
        double ra = ma / sa, rb = mb / sb, rho = cov / (sa * sb);
        double theta = (2 - 2 * rho + 0.5 * (ra * ra + rb * rb - 2 * ra * rb * rho * rho)) / n;
        double se = Math.Sqrt(theta), z = (ra - rb) / se;
        return new SharpeDifferenceTest(ra - rb, se, z, theta > 0 ? 2 * Normal.CDF(0, 1, -Math.Abs(z)) : double.NaN);
    }

    /// <summary>
    /// Ledoit and Wolf (2008), "Robust performance hypothesis testing with the Sharpe ratio", Journal of Empirical
    /// Finance 15(5), section 3.1: the delta-method standard error of SR_a - SR_b written as
    /// f(mu_a, mu_b, gamma_a, gamma_b) = mu_a / sqrt(gamma_a - mu_a^2) - mu_b / sqrt(gamma_b - mu_b^2) (gamma the
    /// uncentred second moment), se = sqrt(grad' Psi grad / T), with Psi the long-run covariance of
    /// y_t = (a_t - mu_a, b_t - mu_b, a_t^2 - gamma_a, b_t^2 - gamma_b) estimated as in the authors' code
    /// (compute.se.Parzen.pw): VAR(1) prewhitening (singular values of the VAR matrix capped at 0.97), a Parzen kernel
    /// with Andrews' (1991) AR(1) plug-in bandwidth S = 2.6614 (alpha T)^(1/5), the T / (T - 4) small-sample factor,
    /// then recolouring by (I - A)^-1 (without prewhitening when the four series are collinear).
    /// </summary>
    public static double LedoitWolfStandardError(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        CheckPair(a, b, 8);
        var (gradient, y) = DeltaMethod(a, b);
        if (gradient is null) return double.NaN;
        int n = a.Length;
        var psi = PrewhitenedLongRunCovariance(y, n) ?? ParzenLongRunCovariance(Matrix<double>.Build.Dense(n, 4, (i, j) => y[i, j]));
        var g = Vector<double>.Build.DenseOfArray(gradient);
        double v = g * psi * g / n;
        return v > 0 ? Math.Sqrt(v) : double.NaN;
    }

    /// <summary>
    /// Ledoit and Wolf (2008), section 3.2.2: the studentised circular block bootstrap p-value of H0: SR_a = SR_b, as in
    /// the authors' boot.time.inference. d = |Delta| / se with se from <see cref="LedoitWolfStandardError"/>; each
    /// resample joins l = floor(T / b) circular blocks of b consecutive (a_t, b_t) pairs at uniform starts, and is
    /// studentised with the natural block estimator Psi* = (1/l) sum_j zeta_j zeta_j', zeta_j = sqrt(b) x the mean of
    /// y*_t over block j; d* = |Delta* - Delta| / se*; p = (1 + #{d* &gt;= d}) / (1 + M). Seeded and reproducible.
    /// </summary>
    public static SharpeDifferenceTest LedoitWolfBootstrap(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int blockLength, int resamples = 10_000, int seed = 7)
    {
        CheckPair(a, b, 8);
        int n = a.Length;
        if (blockLength < 1 || blockLength > n / 2) throw new ArgumentOutOfRangeException(nameof(blockLength), blockLength, $"blockLength must lie in [1, {n / 2}] for {n} observations.");
        if (resamples < 1) throw new ArgumentOutOfRangeException(nameof(resamples), resamples, "resamples must be at least 1.");
        double delta = Difference(a, b);
        if (delta == 0) return new SharpeDifferenceTest(0, double.NaN, 0, 1, blockLength, resamples); // d = 0: every d* >= d
        double se = LedoitWolfStandardError(a, b);
        if (!double.IsFinite(delta) || !(se > 0)) return new SharpeDifferenceTest(delta, se, double.NaN, double.NaN, blockLength, resamples);
        double d = Math.Abs(delta) / se;
        var ra = a.ToArray();
        var rb = b.ToArray();
        int blocks = n / blockLength, length = blocks * blockLength;
        var exceed = new int[(resamples + StationaryBootstrap.ChunkSize - 1) / StationaryBootstrap.ChunkSize];
        StationaryBootstrap.ForEachChunk(resamples, seed, 0x1D8, (rng, from, to) =>
        {
            var sa = new double[length];
            var sb = new double[length];
            var zeta = new double[4];
            for (int m = from; m < to; m++)
            {
                for (int j = 0; j < blocks; j++)
                {
                    int start = rng.Next(n);
                    for (int i = 0; i < blockLength; i++)
                    {
                        int t = (start + i) % n;
                        sa[j * blockLength + i] = ra[t];
                        sb[j * blockLength + i] = rb[t];
                    }
                }
                double deltaStar = Difference(sa, sb);
                var (gradient, y) = DeltaMethod(sa, sb);
                if (gradient is null || !double.IsFinite(deltaStar)) continue;
                var psi = new double[4, 4];
                for (int j = 0; j < blocks; j++)
                {
                    Array.Clear(zeta);
                    for (int i = 0; i < blockLength; i++)
                        for (int c = 0; c < 4; c++) zeta[c] += y[j * blockLength + i, c];
                    for (int c = 0; c < 4; c++) zeta[c] /= Math.Sqrt(blockLength);
                    for (int r = 0; r < 4; r++)
                        for (int c = 0; c < 4; c++) psi[r, c] += zeta[r] * zeta[c];
                }
                double v = 0;
                for (int r = 0; r < 4; r++)
                    for (int c = 0; c < 4; c++) v += gradient[r] * psi[r, c] / blocks * gradient[c];
                double seStar = Math.Sqrt(v / n);
                if (seStar > 0 && Math.Abs(deltaStar - delta) / seStar >= d) exceed[m / StationaryBootstrap.ChunkSize]++;
            }
        });
        return new SharpeDifferenceTest(delta, se, delta / se, (1.0 + exceed.Sum()) / (1.0 + resamples), blockLength, resamples);
    }

    /// <summary>A block length for <see cref="LedoitWolfBootstrap"/> when none is calibrated: the larger Politis-White
    /// circular-bootstrap length of the two series, rounded up, within [1, T / 2].</summary>
    public static int DefaultBlockLength(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double la = BlockLengthSelector.Estimate(a).Circular, lb = BlockLengthSelector.Estimate(b).Circular;
        return Math.Clamp((int)Math.Ceiling(Math.Max(la, lb)), 1, Math.Max(1, a.Length / 2));
    }

    private static double Difference(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sa = MetricsCalculator.StdDev(a, 0), sb = MetricsCalculator.StdDev(b, 0);
        return MetricsCalculator.Mean(a) / sa - MetricsCalculator.Mean(b) / sb;
    }

    /// <summary>The gradient of f at (mu_a, mu_b, gamma_a, gamma_b) and the centred series y_t (T x 4), or a null
    /// gradient when a variance is zero.</summary>
    private static (double[]? Gradient, double[,] Y) DeltaMethod(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length;
        double ma = 0, mb = 0, ga = 0, gb = 0;
        for (int t = 0; t < n; t++)
        {
            ma += a[t]; mb += b[t];
            ga += a[t] * a[t]; gb += b[t] * b[t];
        }
        ma /= n; mb /= n; ga /= n; gb /= n;
        var y = new double[n, 4];
        for (int t = 0; t < n; t++)
        {
            y[t, 0] = a[t] - ma; y[t, 1] = b[t] - mb;
            y[t, 2] = a[t] * a[t] - ga; y[t, 3] = b[t] * b[t] - gb;
        }
        double va = ga - ma * ma, vb = gb - mb * mb;
        if (!(va > 0) || !(vb > 0)) return (null, y);
        double pa = Math.Pow(va, 1.5), pb = Math.Pow(vb, 1.5);
        return ([ga / pa, -gb / pb, -0.5 * ma / pa, 0.5 * mb / pb], y);
    }

    /// <summary>VAR(1)-prewhitened Parzen long-run covariance (compute.se.Parzen.pw), or null when the VAR regressors
    /// are collinear (e.g. one series a multiple of the other), where the plain Parzen estimate (compute.se.Parzen) is used.</summary>
    private static Matrix<double>? PrewhitenedLongRunCovariance(double[,] y, int n)
    {
        var x = Matrix<double>.Build.Dense(n - 1, 4, (i, j) => y[i, j]);
        var next = Matrix<double>.Build.Dense(n - 1, 4, (i, j) => y[i + 1, j]);
        var xx = x.TransposeThisAndMultiply(x);
        if (xx.ConditionNumber() > 1e12) return null;
        var coefficients = xx.Solve(x.TransposeThisAndMultiply(next)).Transpose(); // row j: equation j
        if (!coefficients.Enumerate().All(double.IsFinite)) return null;
        var svd = coefficients.Svd(true);
        var s = svd.S.Map(v => Math.Min(v, 0.97));
        var a97 = svd.U * Matrix<double>.Build.DiagonalOfDiagonalVector(s) * svd.VT;
        var residuals = next - x * a97.Transpose();
        var d = (Matrix<double>.Build.DenseIdentity(4) - a97).Inverse();
        return d * ParzenLongRunCovariance(residuals) * d.Transpose();
    }

    /// <summary>Parzen-kernel long-run covariance of the rows of v (Andrews 1991, AR(1) plug-in bandwidth), as the
    /// authors' compute.Psi.hat: Gamma_j = (1/T) sum_{t &gt; j} v_t v_{t-j}', Psi = Gamma_0 + sum_{0 &lt; j &lt; S} k(j/S)
    /// (Gamma_j + Gamma_j'), times T / (T - 4).</summary>
    private static Matrix<double> ParzenLongRunCovariance(Matrix<double> v)
    {
        int n = v.RowCount, p = v.ColumnCount;
        double num = 0, den = 0;
        for (int c = 0; c < p; c++)
        {
            var (rho, sigma2) = Ar1(v.Column(c).ToArray());
            num += 4 * rho * rho * sigma2 * sigma2 / Math.Pow(1 - rho, 8);
            den += sigma2 * sigma2 / Math.Pow(1 - rho, 4);
        }
        double bandwidth = Math.Min(2.6614 * Math.Pow(num / den * n, 0.2), n - 1);
        var psi = Gamma(v, 0);
        for (int j = 1; j < bandwidth; j++)
        {
            var g = Gamma(v, j);
            psi += Parzen(j / bandwidth) * (g + g.Transpose());
        }
        return psi * ((double)n / (n - 4));
    }

    private static Matrix<double> Gamma(Matrix<double> v, int lag)
    {
        var lead = v.SubMatrix(lag, v.RowCount - lag, 0, v.ColumnCount);
        var lagged = v.SubMatrix(0, v.RowCount - lag, 0, v.ColumnCount);
        return lead.TransposeThisAndMultiply(lagged) / v.RowCount;
    }

    private static double Parzen(double x)
    {
        x = Math.Abs(x);
        return x <= 0.5 ? 1 - 6 * x * x + 6 * x * x * x : x <= 1 ? 2 * Math.Pow(1 - x, 3) : 0;
    }

    /// <summary>OLS AR(1) with intercept of a demeaned series (R's ar.ols with order 1): slope and residual variance.</summary>
    private static (double Rho, double Sigma2) Ar1(double[] x)
    {
        double mean = x.Average();
        int n = x.Length - 1;
        double my = 0, mx = 0;
        for (int t = 1; t <= n; t++) { my += x[t] - mean; mx += x[t - 1] - mean; }
        my /= n; mx /= n;
        double sxy = 0, sxx = 0;
        for (int t = 1; t <= n; t++)
        {
            double dx = x[t - 1] - mean - mx;
            sxy += dx * (x[t] - mean - my);
            sxx += dx * dx;
        }
        double rho = sxx > 0 ? sxy / sxx : 0, ss = 0;
        for (int t = 1; t <= n; t++)
        {
            double e = x[t] - mean - my - rho * (x[t - 1] - mean - mx);
            ss += e * e;
        }
        return (rho, ss / n);
    }

    private static void CheckPair(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int minimum)
    {
        if (a.Length != b.Length) throw new ArgumentException($"the two return series must have the same length ({a.Length} vs {b.Length}).", nameof(b));
        if (a.Length < minimum) throw new ArgumentException($"at least {minimum} paired returns are needed, got {a.Length}.", nameof(a));
        for (int t = 0; t < a.Length; t++)
            if (!double.IsFinite(a[t]) || !double.IsFinite(b[t])) throw new ArgumentException($"return {t} is NaN or infinite.", nameof(a));
    }
}
