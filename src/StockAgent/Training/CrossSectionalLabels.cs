using StockAgent.Agents;
using StockAgent.Market;

namespace StockAgent.Training;

/// <summary>
/// Supervised targets of a portfolio-level model (labels may look ahead; features never do): on each day, among the
/// members that have a bar that day and h bars after it (dated no later than <c>to</c>), each member's forward return
/// R = ln(close[t+h] / close[t]) is ranked; its percentile p = rank / (n - 1) (rank 0 the worst, ties share their mean
/// rank; p = 0.5 for a lone member) maps linearly onto the action space, exposure = min + p x (max - min), and the label is
/// the action nearest to it (<see cref="ActionSpace.NearestIndex"/>): the best member gets the largest exposure, the worst
/// the smallest. Bars without a label get -1.
/// </summary>
public static class CrossSectionalLabels
{
    /// <summary>Labels per bar of each of <paramref name="symbols"/> (in the market's series), keyed by symbol.</summary>
    public static IReadOnlyDictionary<string, int[]> Compute(MarketData market, IReadOnlyList<string> symbols, ActionSpace actions, int horizon,
        DateOnly? to = null)
    {
        if (horizon < 1) throw new ArgumentException($"label horizon must be at least 1 bar (got {horizon}).", nameof(horizon));
        var labels = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var byDate = new SortedDictionary<DateOnly, List<(int Symbol, int Bar, double Forward)>>();
        for (int k = 0; k < symbols.Count; k++)
        {
            var s = market[symbols[k]];
            var l = new int[s.Count];
            Array.Fill(l, -1);
            labels[symbols[k]] = l;
            for (int t = 0; t + horizon < s.Count; t++)
            {
                if (to is { } last && s.Dates[t + horizon] > last) break;
                if (!byDate.TryGetValue(s.Dates[t], out var members)) byDate[s.Dates[t]] = members = [];
                members.Add((k, t, Math.Log(s.Close[t + horizon] / s.Close[t])));
            }
        }
        double lo = actions.Exposures.Min(), hi = actions.Exposures.Max();
        foreach (var members in byDate.Values)
        {
            int n = members.Count;
            var order = Enumerable.Range(0, n).OrderBy(i => members[i].Forward).ToArray();
            for (int j = 0; j < n;)
            {
                int end = j;
                while (end + 1 < n && members[order[end + 1]].Forward == members[order[j]].Forward) end++;
                double p = n == 1 ? 0.5 : 0.5 * (j + end) / (n - 1);
                for (int q = j; q <= end; q++)
                {
                    var m = members[order[q]];
                    labels[symbols[m.Symbol]][m.Bar] = actions.NearestIndex(lo + p * (hi - lo));
                }
                j = end + 1;
            }
        }
        return labels;
    }
}
