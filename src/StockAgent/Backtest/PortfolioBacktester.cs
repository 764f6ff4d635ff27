using System.Runtime.CompilerServices;
using StockAgent.Agents;
using StockAgent.Market;

namespace StockAgent.Backtest;

/// <summary>
/// Runs one policy on many symbols sharing one cash account (equal-weight allocation, see
/// <see cref="PortfolioOptions"/>). Days are the union of the symbols' trading days; a symbol without a bar
/// on a day neither decides nor trades and is valued at its last close. Orders decided at a day's close fill
/// at each symbol's next open, sells before buys so that cash from sales can fund purchases.
/// </summary>
public static class PortfolioBacktester
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // the bar loop runs once per call: skip tiering
    public static PortfolioResult Run(IPolicy policy, IReadOnlyList<PriceSeries> series, PortfolioOptions? options = null, int seed = 0)
    {
        options ??= new PortfolioOptions();
        var bt = options.Backtest;
        bt.Validate();
        bt.CheckPolicy(policy);
        if (series.Count == 0) throw new ArgumentException("a portfolio needs at least one symbol.");

        var dates = series.SelectMany(s => s.Dates)
            .Where(d => (options.From is null || d >= options.From) && (options.To is null || d <= options.To))
            .Distinct().Order().ToArray();
        if (dates.Length == 0) throw new ArgumentException("no trading days in the chosen date range.");
        int m = series.Count, n = dates.Length;

        // bar[k][i]: index of symbol k's bar on day i, or -1.
        var bar = new int[m][];
        for (int k = 0; k < m; k++)
        {
            bar[k] = new int[n];
            var sd = series[k].Dates;
            int j = series[k].IndexOnOrAfter(dates[0]);
            for (int i = 0; i < n; i++)
            {
                if (j < sd.Length && sd[j] == dates[i]) bar[k][i] = j++;
                else bar[k][i] = -1;
            }
        }

        var sessions = series.Select((s, k) => policy.Begin(s, seed + k)).ToArray();
        var books = series.Select(s => new TradeBook(s.Symbol)).ToArray();
        var shares = new double[m];
        var target = new double[m];
        var hasTarget = new bool[m];
        var lastClose = new double[m];
        var equity = new double[n];
        var cashCurve = new double[n];
        var gross = new double[n];
        double cash = bt.InitialCash, traded = 0, costs = 0;
        var order = new int[m];

        for (int i = 0; i < n; i++)
        {
            // 1. Fill yesterday's orders at today's open: sells first.
            int count = 0;
            for (int k = 0; k < m; k++)
                if (hasTarget[k] && bar[k][i] >= 0 && target[k] != shares[k]) order[count++] = k;
            Array.Sort(order, 0, count, Comparer<int>.Create((a, b) => (target[a] - shares[a]).CompareTo(target[b] - shares[b])));
            for (int q = 0; q < count; q++)
            {
                int k = order[q], b = bar[k][i];
                var s = series[k];
                Fills.Execute(ref cash, ref shares[k], target[k] - shares[k], s.Open[b], bt.Costs, bt.AllowShort, books[k], s.Dates[b], b, "signal", ref traded, ref costs);
                hasTarget[k] = false;
            }

            // 2. Stops, end-of-run liquidation, and marking to market.
            double value = 0, grossValue = 0;
            for (int k = 0; k < m; k++)
            {
                int b = bar[k][i];
                var s = series[k];
                if (b >= 0)
                {
                    if (bt.StopLoss is not null || bt.TakeProfit is not null)
                    {
                        var (price, reason) = Fills.CheckStops(shares[k], books[k].EntryPrice, bt.StopLoss, bt.TakeProfit, s.Open[b], s.High[b], s.Low[b]);
                        if (!double.IsNaN(price))
                            Fills.Execute(ref cash, ref shares[k], -shares[k], price, bt.Costs, bt.AllowShort, books[k], s.Dates[b], b, reason, ref traded, ref costs);
                    }
                    lastClose[k] = s.Close[b];
                    if (i == n - 1 && bt.CloseAtEnd && shares[k] != 0)
                        Fills.Execute(ref cash, ref shares[k], -shares[k], s.Close[b], bt.Costs, bt.AllowShort, books[k], s.Dates[b], b, "end", ref traded, ref costs);
                }
                value += shares[k] * lastClose[k];
                grossValue += Math.Abs(shares[k] * lastClose[k]);
            }
            double eq = cash + value;
            equity[i] = eq;
            cashCurve[i] = cash;
            gross[i] = eq > 0 ? grossValue / eq : 0;
            if (i == n - 1) break;

            // 3. Decisions at today's close for every symbol that traded today.
            for (int k = 0; k < m; k++)
            {
                int b = bar[k][i];
                if (b < 0) continue;
                var s = series[k];
                double posValue = shares[k] * s.Close[b];
                var position = books[k].PositionAt(shares[k], s.Close[b], eq, b);
                var d = sessions[k].Decide(new DecisionContext(b, position, ReadOnlySpan<float>.Empty));
                if (!double.IsFinite(d.TargetExposure) || Math.Abs(d.TargetExposure) > 1 || (d.TargetExposure < 0 && !bt.AllowShort))
                    throw new InvalidOperationException($"policy {policy.Id} returned target exposure {d.TargetExposure} for {s.Symbol} at {s.Dates[b]:yyyy-MM-dd}.");
                double weight = d.TargetExposure / m;
                double currentWeight = eq > 0 ? posValue / eq : 0;
                bool mustTrade = weight == 0 ? shares[k] != 0 : Math.Sign(weight) != Math.Sign(currentWeight) || Math.Abs(weight * bt.PositionSize - currentWeight) > options.RebalanceTolerance;
                if (!mustTrade) continue;
                target[k] = Fills.TargetShares(eq, weight, bt.PositionSize, s.Close[b]);
                hasTarget[k] = true;
            }
        }

        return new PortfolioResult(series.Select(s => s.Symbol).ToArray(), dates, equity, cashCurve, gross,
            books.SelectMany(b => b.Trades).OrderBy(t => t.ExitDate).ToList(), traded, costs, bt.InitialCash);
    }
}
