using StockAgent.Market;
using StockAgent.Statistics;

namespace StockAgent.Features;

/// <summary>
/// Cross-sectional ranks per date of three signals of a symbol at its bar t (its own bars, closes up to t): momentum 12-1,
/// ln(close[t-21] / close[t-252]) (from t = 252); 1-month momentum, ln(close[t] / close[t-21]) (from t = 21); and 5-day
/// short-term reversal, -ln(close[t] / close[t-5]) (from t = 5). Each is ranked among the index members
/// (<see cref="MarketData.IsIndexMember"/>) that have a bar dated that date and the history for the signal, first in the
/// whole universe (xs_*), then within the symbol's sector (sec_*), as a centred percentile
/// <see cref="PercentileRank"/> - 0.5 in [-0.5, 0.5]: a member at 0-based position i of the n ranked members gets
/// i / (n - 1) - 0.5, ties their mid-rank; a symbol that is not a member gets the rank its value would have among the
/// members (interpolated between its neighbours, the end value beyond them), changing no member's. 0 (neutral) when the
/// symbol lacks the history, when no member has a bar dated that date, or when fewer than 2 members are ranked then.
/// </summary>
internal sealed class CrossSectionalRanks
{
    public static IReadOnlyList<string> Names { get; } = ["xs_mom_12_1", "xs_mom_1m", "xs_rev_5d", "sec_mom_12_1", "sec_mom_1m", "sec_rev_5d"];

    private const int SignalCount = 3;

    private readonly RankTable _universe;
    private readonly Dictionary<string, RankTable> _sectors = new(StringComparer.Ordinal);

    /// <summary>Ranks among <paramref name="members"/>, each with its sector.</summary>
    public CrossSectionalRanks(IReadOnlyList<(PriceSeries Series, string Sector)> members)
    {
        var signals = members.Select(m => Signals(m.Series.Close)).ToArray();
        _universe = new RankTable(members.Select((m, i) => (m.Series, signals[i])).ToArray());
        foreach (var group in members.Select((m, i) => (m.Series, m.Sector, Values: signals[i])).GroupBy(m => m.Sector, StringComparer.Ordinal))
            _sectors[group.Key] = new RankTable(group.Select(m => (m.Series, m.Values)).ToArray());
    }

    /// <summary>Signal <paramref name="k"/> (momentum 12-1, 1-month momentum, 5-day reversal) at bar t; NaN without the history.</summary>
    public static double Signal(ReadOnlySpan<double> close, int t, int k) => k switch
    {
        0 => t >= 252 ? Math.Log(close[t - 21] / close[t - 252]) : double.NaN,
        1 => LogReturn.At(close, t, 21),
        _ => -LogReturn.At(close, t, 5),
    };

    /// <summary>Every bar's signals, [t * 3 + k].</summary>
    private static double[] Signals(ReadOnlySpan<double> close)
    {
        var values = new double[close.Length * SignalCount];
        for (int t = 0; t < close.Length; t++)
            for (int k = 0; k < SignalCount; k++) values[t * SignalCount + k] = Signal(close, t, k);
        return values;
    }

    /// <summary>Writes the ranks of <paramref name="series"/> (a member or not) in <paramref name="sector"/> at bar t to
    /// destination[t * stride + k], k in [0, <see cref="Names"/>.Count).</summary>
    public void Write(PriceSeries series, string sector, Span<float> destination, int stride)
    {
        var sectorTable = _sectors.GetValueOrDefault(sector);
        if (_universe.RanksOf(series) is { } own && sectorTable?.RanksOf(series) is { } ownInSector)
        {
            for (int t = 0; t < series.Count; t++)
                for (int k = 0; k < SignalCount; k++)
                {
                    destination[t * stride + k] = own[t * SignalCount + k];
                    destination[t * stride + SignalCount + k] = ownInSector[t * SignalCount + k];
                }
            return;
        }
        var universe = _universe.Start();
        var inSector = sectorTable is null ? RankTable.Cursor.None : sectorTable.Start();
        for (int t = 0; t < series.Count; t++)
        {
            var date = series.Dates[t];
            int ju = universe.Find(date), js = inSector.Find(date);
            for (int k = 0; k < SignalCount; k++)
            {
                double v = Signal(series.Close, t, k);
                destination[t * stride + k] = universe.Rank(ju, k, v);
                destination[t * stride + SignalCount + k] = inSector.Rank(js, k, v);
            }
        }
    }

    /// <summary>Every date's members' signal values, sorted per (date, signal), in one array, and each member's own
    /// ranks (the rank of its value among them, as <see cref="PercentileRank"/> gives it, found while sorting).</summary>
    private sealed class RankTable
    {
        private readonly DateOnly[] _dates;
        private readonly int[] _start; // segment of (date j, signal k) is [_start[j * SignalCount + k], _start[j * SignalCount + k + 1])
        private readonly double[] _values;
        private readonly Dictionary<PriceSeries, float[]> _memberRanks = new(ReferenceEqualityComparer.Instance); // [t * 3 + k]

        /// <summary>The table of <paramref name="members"/>, each with its <see cref="Signals"/>.</summary>
        public RankTable((PriceSeries Series, double[] Signals)[] members)
        {
            _dates = members.SelectMany(m => m.Series.Dates).Distinct().Order().ToArray();
            _start = new int[_dates.Length * SignalCount + 1];
            var signals = members.Select(m => m.Signals).ToArray();
            var dateIndex = new int[members.Length][];
            for (int m = 0; m < members.Length; m++)
            {
                var s = members[m].Series;
                dateIndex[m] = new int[s.Count];
                int j = 0;
                for (int t = 0; t < s.Count; t++)
                {
                    while (_dates[j] < s.Dates[t]) j++;
                    dateIndex[m][t] = j;
                    for (int k = 0; k < SignalCount; k++)
                        if (double.IsFinite(signals[m][t * SignalCount + k])) _start[j * SignalCount + k + 1]++;
                }
            }
            for (int i = 1; i < _start.Length; i++) _start[i] += _start[i - 1];
            _values = new double[_start[^1]];
            var owner = new long[_values.Length]; // member << 32 | t * 3 + k
            var fill = _start[..^1];
            for (int m = 0; m < members.Length; m++)
                for (int t = 0; t < dateIndex[m].Length; t++)
                    for (int k = 0; k < SignalCount; k++)
                    {
                        double v = signals[m][t * SignalCount + k];
                        if (!double.IsFinite(v)) continue;
                        int at = fill[dateIndex[m][t] * SignalCount + k]++;
                        _values[at] = v;
                        owner[at] = (long)m << 32 | (uint)(t * SignalCount + k);
                    }
            var ranks = members.Select(m => new float[m.Signals.Length]).ToArray();
            for (int i = 0; i + 1 < _start.Length; i++)
            {
                int from = _start[i], n = _start[i + 1] - from;
                Array.Sort(_values, owner, from, n);
                if (n < 2) continue;
                for (int a = from; a < from + n;)
                {
                    int b = a + 1;
                    while (b < from + n && _values[b] == _values[a]) b++;
                    float rank = (float)((a - from + (b - a - 1) / 2.0) / (n - 1) - 0.5);
                    for (int q = a; q < b; q++) ranks[owner[q] >> 32][(int)(owner[q] & 0xFFFFFFFF)] = rank;
                    a = b;
                }
            }
            for (int m = 0; m < members.Length; m++) _memberRanks[members[m].Series] = ranks[m];
        }

        /// <summary>The ranks of <paramref name="series"/> when it is one of the table's members, else null.</summary>
        public float[]? RanksOf(PriceSeries series) => _memberRanks.GetValueOrDefault(series);

        public Cursor Start() => new(this);

        /// <summary>Walks a table's dates forward (the bars of one series, oldest first).</summary>
        public struct Cursor(RankTable? table)
        {
            public static Cursor None => new(null);

            private int _j;

            /// <summary>The index of <paramref name="date"/> in the table, or -1 when no member has a bar dated so
            /// (dates must come in increasing order).</summary>
            public int Find(DateOnly date)
            {
                if (table is null) return -1;
                while (_j < table._dates.Length && table._dates[_j] < date) _j++;
                return _j < table._dates.Length && table._dates[_j] == date ? _j : -1;
            }

            /// <summary>The centred rank of <paramref name="value"/> for signal k on date index j; 0 when it cannot be ranked.</summary>
            public readonly float Rank(int j, int k, double value)
            {
                if (table is null || j < 0 || !double.IsFinite(value)) return 0;
                int from = table._start[j * SignalCount + k], to = table._start[j * SignalCount + k + 1];
                if (to - from < 2) return 0;
                return (float)(PercentileRank.OfSorted(table._values.AsSpan(from, to - from), value) - 0.5);
            }
        }
    }
}
