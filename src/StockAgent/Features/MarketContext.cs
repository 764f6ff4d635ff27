using StockAgent.Market;

namespace StockAgent.Features;

/// <summary>
/// Market context per date: the 1- and 20-bar log return and the 20-bar realised volatility (<see cref="PriceFeatures"/>'
/// ret_1, ret_20 and vol_20) of a market index, either the benchmark's closes or an equal-weight index whose daily log
/// return is the mean daily log return of the symbols trading that date. Another calendar reads it by date: the bar
/// dated d gets the index's last bar dated on or before d (zeros before the index starts), never a later one.
/// </summary>
internal sealed class MarketContext
{
    public static IReadOnlyList<string> Names { get; } = ["mkt_ret_1", "mkt_ret_20", "mkt_vol_20"];

    private readonly DateOnly[] _dates;
    private readonly float[] _features; // rows of Names.Count, one per index date

    private MarketContext(DateOnly[] dates, ReadOnlySpan<double> close)
    {
        _dates = dates;
        int n = close.Length;
        var ret1 = new double[n];
        var ret20 = new double[n];
        var vol20 = new double[n];
        LogReturn.Compute(close, 1, ret1);
        LogReturn.Compute(close, 20, ret20);
        if (n > 0)
        {
            vol20[0] = double.NaN;
            RollingVolatility.Compute(ret1.AsSpan(1), 20, vol20.AsSpan(1));
        }
        _features = new float[dates.Length * Names.Count];
        for (int j = 0; j < dates.Length; j++)
        {
            _features[j * Names.Count] = PriceFeatures.OrZero(ret1[j]);
            _features[j * Names.Count + 1] = PriceFeatures.OrZero(ret20[j]);
            _features[j * Names.Count + 2] = PriceFeatures.OrZero(vol20[j]);
        }
    }

    public static MarketContext FromBenchmark(PriceSeries benchmark) => new(benchmark.Dates, benchmark.Close);

    /// <summary>The equal-weight index over the union of the calendars of <paramref name="series"/>, starting at 1.
    /// A symbol contributes from its second bar on.</summary>
    public static MarketContext EqualWeight(IEnumerable<PriceSeries> series)
    {
        var members = series.ToArray();
        var dates = members.SelectMany(s => s.Dates).Distinct().Order().ToArray();
        var sum = new double[dates.Length];
        var count = new int[dates.Length];
        foreach (var s in members)
        {
            int k = 0;
            for (int t = 1; t < s.Count; t++)
            {
                while (dates[k] < s.Dates[t]) k++;
                sum[k] += Math.Log(s.Close[t] / s.Close[t - 1]);
                count[k]++;
            }
        }
        var level = new double[dates.Length];
        double log = 0;
        for (int k = 0; k < dates.Length; k++)
        {
            if (count[k] > 0) log += sum[k] / count[k];
            level[k] = Math.Exp(log);
        }
        return new MarketContext(dates, level);
    }

    /// <summary>Writes the context of the bar dated <paramref name="dates"/>[t] to destination[t * stride + k].</summary>
    public void Write(ReadOnlySpan<DateOnly> dates, Span<float> destination, int stride)
    {
        int f = Names.Count, j = -1;
        for (int t = 0; t < dates.Length; t++)
        {
            while (j + 1 < _dates.Length && _dates[j + 1] <= dates[t]) j++;
            var row = destination.Slice(t * stride, f);
            if (j < 0) row.Clear();
            else _features.AsSpan(j * f, f).CopyTo(row);
        }
    }
}
