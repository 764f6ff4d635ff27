namespace StockAgent.Statistics;

/// <summary>Sample quantiles with linear interpolation between order statistics (Hyndman and Fan 1996 definition 7, the
/// default of R's quantile() and numpy.quantile): h = (n - 1) p, Q(p) = x_(floor h) + (h - floor h)(x_(floor h + 1) - x_(floor h)),
/// on 0-based sorted values.</summary>
public static class Quantiles
{
    /// <summary>The p-quantile of values already sorted ascending; NaN when empty.</summary>
    public static double OfSorted(ReadOnlySpan<double> sorted, double p)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "p must lie in [0, 1].");
        if (sorted.Length == 0) return double.NaN;
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1) return sorted[^1];
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    /// <summary>The finite values of <paramref name="values"/>, sorted ascending (NaN and infinite draws are left out).</summary>
    public static double[] SortedFinite(ReadOnlySpan<double> values)
    {
        var list = new List<double>(values.Length);
        foreach (var v in values) if (double.IsFinite(v)) list.Add(v);
        var sorted = list.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>Percentile interval: the (1 - level)/2 and (1 + level)/2 quantiles of the finite values.</summary>
    public static ConfidenceInterval PercentileInterval(ReadOnlySpan<double> values, double level = 0.95)
    {
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "level must lie in (0, 1).");
        var sorted = SortedFinite(values);
        return sorted.Length == 0 ? ConfidenceInterval.None
            : new ConfidenceInterval(OfSorted(sorted, (1 - level) / 2), OfSorted(sorted, (1 + level) / 2));
    }
}
