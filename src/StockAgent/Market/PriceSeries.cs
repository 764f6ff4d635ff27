using static System.FormattableString;

namespace StockAgent.Market;

/// <summary>
/// Daily bars of one symbol, stored as one array per field (struct of arrays), oldest first.
/// Open, High, Low and Close are split- and dividend-adjusted: raw prices scaled by
/// adjusted_close / close of the same bar (<see cref="AdjustmentFactor"/>). Volume is as reported.
/// Dates are strictly increasing. Instances are immutable by convention: never write into the arrays.
/// </summary>
public sealed class PriceSeries
{
    public PriceSeries(string symbol, DateOnly[] dates, double[] open, double[] high, double[] low,
        double[] close, double[] volume, double[]? adjustmentFactor = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        int n = dates.Length;
        if (open.Length != n || high.Length != n || low.Length != n || close.Length != n || volume.Length != n
            || (adjustmentFactor is not null && adjustmentFactor.Length != n))
            throw new ArgumentException($"{symbol}: every field must have {n} values (one per date).");
        for (int i = 1; i < n; i++)
            if (dates[i] <= dates[i - 1])
                throw new ArgumentException(Invariant($"{symbol}: dates must be strictly increasing ({dates[i - 1]:yyyy-MM-dd} then {dates[i]:yyyy-MM-dd})."));
        Symbol = symbol;
        Dates = dates;
        Open = open;
        High = high;
        Low = low;
        Close = close;
        Volume = volume;
        AdjustmentFactor = adjustmentFactor ?? Enumerable.Repeat(1.0, n).ToArray();
    }

    public string Symbol { get; }
    public DateOnly[] Dates { get; }
    public double[] Open { get; }
    public double[] High { get; }
    public double[] Low { get; }
    public double[] Close { get; }
    public double[] Volume { get; }

    /// <summary>adjusted_close / close per bar; raw price = adjusted price / factor. 1 when the source is unadjusted.</summary>
    public double[] AdjustmentFactor { get; }

    public int Count => Dates.Length;

    /// <summary>Index of the first bar on or after <paramref name="date"/>; Count when none.</summary>
    public int IndexOnOrAfter(DateOnly date)
    {
        int i = Array.BinarySearch(Dates, date);
        return i >= 0 ? i : ~i;
    }

    /// <summary>Bars [start, start + length) as a new series (arrays copied).</summary>
    public PriceSeries Slice(int start, int length)
    {
        if (start < 0 || length < 0 || start + length > Count)
            throw new ArgumentOutOfRangeException(nameof(start), $"{Symbol}: slice [{start}, {start + length}) is outside 0..{Count}.");
        return new PriceSeries(Symbol, Dates[start..(start + length)], Open[start..(start + length)], High[start..(start + length)],
            Low[start..(start + length)], Close[start..(start + length)], Volume[start..(start + length)],
            AdjustmentFactor[start..(start + length)]);
    }

    /// <summary>Bars whose date lies in [from, to] (either bound optional).</summary>
    public PriceSeries Between(DateOnly? from, DateOnly? to)
    {
        int start = from is { } f ? IndexOnOrAfter(f) : 0;
        int end = to is { } t ? IndexOnOrAfter(t.AddDays(1)) : Count;
        return Slice(start, Math.Max(0, end - start));
    }

    public override string ToString() =>
        Count == 0 ? $"{Symbol}: no bars" : Invariant($"{Symbol}: {Count} bars {Dates[0]:yyyy-MM-dd}..{Dates[^1]:yyyy-MM-dd}");
}
