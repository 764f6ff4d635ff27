using StockAgent.Market;

namespace StockAgent.Features;

/// <summary>
/// Relative strength within one sector: a symbol's 20-bar (60-bar) <see cref="LogReturn"/> minus the equal-weight mean 20-bar
/// (60-bar) log return of the members trading that date with that much history (itself included when it is a member,
/// so 0 for a member alone). 0 when the symbol has too little history or no member has a return that date.
/// </summary>
internal sealed class SectorStrength
{
    public static IReadOnlyList<string> Names { get; } = ["sector_rs_20", "sector_rs_60"];

    private static readonly int[] Lookbacks = [20, 60];

    private readonly DateOnly[] _dates;
    private readonly double[] _sum;  // [date index * Lookbacks.Length + k]
    private readonly int[] _count;

    public SectorStrength(IEnumerable<PriceSeries> members)
    {
        var series = members.ToArray();
        _dates = series.SelectMany(s => s.Dates).Distinct().Order().ToArray();
        _sum = new double[_dates.Length * Lookbacks.Length];
        _count = new int[_sum.Length];
        foreach (var s in series)
        {
            int j = 0;
            for (int t = 0; t < s.Count; t++)
            {
                while (_dates[j] < s.Dates[t]) j++;
                for (int k = 0; k < Lookbacks.Length; k++)
                {
                    if (t < Lookbacks[k]) continue;
                    _sum[j * Lookbacks.Length + k] += LogReturn.At(s.Close, t, Lookbacks[k]);
                    _count[j * Lookbacks.Length + k]++;
                }
            }
        }
    }

    /// <summary>Writes the relative strength of <paramref name="series"/> (a member, or another symbol of the sector)
    /// at bar t to destination[t * stride + k].</summary>
    public void Write(PriceSeries series, Span<float> destination, int stride)
    {
        int j = 0;
        for (int t = 0; t < series.Count; t++)
        {
            while (j < _dates.Length && _dates[j] < series.Dates[t]) j++;
            bool dated = j < _dates.Length && _dates[j] == series.Dates[t];
            for (int k = 0; k < Lookbacks.Length; k++)
            {
                int i = j * Lookbacks.Length + k;
                destination[t * stride + k] = t < Lookbacks[k] || !dated || _count[i] == 0
                    ? 0
                    : (float)(LogReturn.At(series.Close, t, Lookbacks[k]) - _sum[i] / _count[i]);
            }
        }
    }
}
