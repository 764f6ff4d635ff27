namespace StockAgent.Statistics;

/// <summary>
/// The percentile rank of a value among n sorted reference values, in [0, 1]: the inverse of the type-7 sample quantile
/// (<see cref="Quantiles"/>) and, for values without ties, Excel's PERCENTRANK.INC (also Gnumeric's PERCENTRANK). A
/// reference value at 0-based sorted position i has rank i / (n - 1); tied values share the mean of their positions
/// (mid-rank, the "average" ties of scipy.stats.rankdata), where PERCENTRANK.INC gives them the lowest. A value between two
/// reference values interpolates linearly between their ranks (PERCENTRANK.INC's rule); below the smallest it is 0, above
/// the largest 1 (PERCENTRANK.INC: #N/A). NaN when x is NaN or there are fewer than 2 reference values.
/// </summary>
public static class PercentileRank
{
    /// <summary>The rank of <paramref name="x"/> among <paramref name="sorted"/> (ascending, finite).</summary>
    public static double OfSorted(ReadOnlySpan<double> sorted, double x)
    {
        int n = sorted.Length;
        if (n < 2 || double.IsNaN(x)) return double.NaN;
        int below = LowerBound(sorted, x);
        if (below < n && sorted[below] == x) return MidPosition(below, TiesEnd(sorted, below)) / (n - 1);
        if (below == 0) return 0;
        if (below == n) return 1;
        double a = sorted[below - 1], b = sorted[below];
        int firstA = below - 1;
        while (firstA > 0 && sorted[firstA - 1] == a) firstA--;
        double ra = MidPosition(firstA, below) / (n - 1);
        double rb = MidPosition(below, TiesEnd(sorted, below)) / (n - 1);
        return ra + (x - a) / (b - a) * (rb - ra);
    }

    /// <summary>The end of the run of values equal to sorted[from].</summary>
    private static int TiesEnd(ReadOnlySpan<double> sorted, int from)
    {
        int end = from + 1;
        while (end < sorted.Length && sorted[end] == sorted[from]) end++;
        return end;
    }

    /// <summary>The mean 0-based position of the tied values at positions [from, to).</summary>
    private static double MidPosition(int from, int to) => from + (to - from - 1) / 2.0;

    /// <summary>The number of values less than x.</summary>
    private static int LowerBound(ReadOnlySpan<double> sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
