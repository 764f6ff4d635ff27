namespace StockAgent.Statistics;

/// <summary>
/// Calendar-month returns of a daily series of simple returns, compounded within each month:
/// R_{y,m} = prod over the returns r_t dated in month m of year y of (1 + r_t), minus 1 (quantstats' monthly_returns).
/// A year x month grid: <see cref="Values"/>[i][m - 1] is year <see cref="FirstYear"/> + i, month m (1 = January), with a
/// row for every year from the first return's to the last's and NaN for a month that holds no return (before the first,
/// after the last, or a gap). A NaN return makes its month NaN.
/// </summary>
public sealed record MonthlyReturns(int FirstYear, double[][] Values)
{
    /// <summary>The grid's years, first to last.</summary>
    public int[] Years => Enumerable.Range(FirstYear, Values.Length).ToArray();

    /// <summary>The compounded return of <paramref name="month"/> (1..12) of <paramref name="year"/>; NaN for a month
    /// with no return or outside the grid.</summary>
    public double this[int year, int month]
    {
        get
        {
            if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "month runs from 1 to 12.");
            int i = year - FirstYear;
            return i >= 0 && i < Values.Length ? Values[i][month - 1] : double.NaN;
        }
    }

    /// <summary>The grid of <paramref name="returns"/>, each dated by the same index of <paramref name="dates"/> (in any
    /// order).</summary>
    public static MonthlyReturns Of(ReadOnlySpan<DateOnly> dates, ReadOnlySpan<double> returns)
    {
        if (dates.Length != returns.Length) throw new ArgumentException($"{dates.Length} dates for {returns.Length} returns.", nameof(dates));
        if (returns.Length == 0) throw new ArgumentException("there are no returns to group by month.", nameof(returns));
        int first = int.MaxValue, last = int.MinValue;
        foreach (var d in dates)
        {
            first = Math.Min(first, d.Year);
            last = Math.Max(last, d.Year);
        }
        var values = new double[last - first + 1][];
        for (int i = 0; i < values.Length; i++) values[i] = Enumerable.Repeat(double.NaN, 12).ToArray();
        var growth = new double[values.Length, 12];
        var seen = new bool[values.Length, 12];
        for (int t = 0; t < returns.Length; t++)
        {
            int y = dates[t].Year - first, m = dates[t].Month - 1;
            growth[y, m] = (seen[y, m] ? growth[y, m] : 1) * (1 + returns[t]);
            seen[y, m] = true;
        }
        for (int y = 0; y < values.Length; y++)
            for (int m = 0; m < 12; m++)
                if (seen[y, m]) values[y][m] = growth[y, m] - 1;
        return new MonthlyReturns(first, values);
    }
}
