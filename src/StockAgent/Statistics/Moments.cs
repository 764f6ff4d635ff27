namespace StockAgent.Statistics;

/// <summary>
/// Standardised sample moments with the population (1/n) normaliser, the estimator Bailey and López de Prado use
/// (and scipy.stats.skew / kurtosis(fisher=False) with bias=True): m_k = (1/n) sum (x_t - mean)^k.
/// NaN with fewer than two values or zero variance; NaN inputs give NaN.
/// </summary>
public static class Moments
{
    /// <summary>Skewness g1 = m3 / m2^(3/2).</summary>
    public static double Skewness(ReadOnlySpan<double> x)
    {
        var (m2, m3, _) = Central(x);
        return m2 > 0 ? m3 / Math.Pow(m2, 1.5) : double.NaN;
    }

    /// <summary>RAW (not excess) kurtosis b2 = m4 / m2^2: 3 for a normal distribution.</summary>
    public static double RawKurtosis(ReadOnlySpan<double> x)
    {
        var (m2, _, m4) = Central(x);
        return m2 > 0 ? m4 / (m2 * m2) : double.NaN;
    }

    private static (double M2, double M3, double M4) Central(ReadOnlySpan<double> x)
    {
        if (x.Length < 2) return (double.NaN, double.NaN, double.NaN);
        double mean = MetricsCalculator.Mean(x), m2 = 0, m3 = 0, m4 = 0;
        foreach (var v in x)
        {
            double d = v - mean, d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        return (m2 / x.Length, m3 / x.Length, m4 / x.Length);
    }
}
