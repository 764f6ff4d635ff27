using System.Runtime.CompilerServices;
using StockAgent.Agents;
using StockAgent.Market;

namespace StockAgent.Backtest;

/// <summary>
/// Runs one policy on many symbols sharing one cash account (equal-weight allocation, see
/// <see cref="PortfolioOptions"/>). Days are the union of the symbols' trading days; a symbol without a bar
/// on a day neither decides nor trades and is valued at its last close. Orders decided at a day's close fill
/// at each symbol's next open, sells before buys so that cash from sales can fund purchases. Fills, exits, sizing and
/// the cash limit are the <see cref="ExecutionModel"/>'s, the same as a single-symbol backtest's (so a stopped-out
/// holding stays flat until its target changes, as in <see cref="Backtester"/>).
/// </summary>
public static class PortfolioBacktester
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // the bar loop runs once per call: skip tiering
    public static PortfolioResult Run(IPolicy policy, IReadOnlyList<PriceSeries> series, PortfolioOptions? options = null, int seed = 0)
    {
        options ??= new PortfolioOptions();
        options.Validate();
        var bt = options.Backtest;
        bt.CheckPolicy(policy);
        if (series.Count == 0) throw new ArgumentException("a portfolio needs at least one symbol.", nameof(series));

        var dates = series.SelectMany(s => s.Dates)
            .Where(d => (options.From is null || d >= options.From) && (options.To is null || d <= options.To))
            .Distinct().Order().ToArray();
        if (dates.Length == 0) throw new ArgumentException("no trading days in the chosen date range.", nameof(options));
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

        var symbols = series.ToArray(); // the day loop indexes an array, not the list interface
        var model = new ExecutionModel(bt);
        var account = new Account(bt.InitialCash);
        var sessions = series.Select((s, k) => policy.Begin(s, seed + k)).ToArray();
        var holdings = series.Select(s => new Holding(s.Symbol)).ToArray();
        var lastClose = new double[m];
        var lastBar = Enumerable.Repeat(-1, m).ToArray();
        var equity = new double[n];
        var cashCurve = new double[n];
        var gross = new double[n];
        var order = new int[m];
        var change = new double[m];

        for (int i = 0; i < n; i++)
        {
            // 1. Yesterday's orders fill at today's open, sells first so that their cash can fund the buys.
            int count = 0;
            for (int k = 0; k < m; k++)
            {
                var h = holdings[k];
                if (!h.HasPending || bar[k][i] < 0) continue;
                double delta = h.PendingShares - h.Shares;
                int at = count++;
                for (; at > 0 && change[at - 1] > delta; at--) // insertion by change, ties in symbol order
                {
                    change[at] = change[at - 1];
                    order[at] = order[at - 1];
                }
                change[at] = delta;
                order[at] = k;
            }
            for (int q = 0; q < count; q++)
            {
                int k = order[q], b = bar[k][i];
                var s = symbols[k];
                model.FillPending(account, holdings[k], s.Open[b], s.Dates[b], b);
            }

            // 2. Stops, end-of-run liquidation, and marking to market.
            double value = 0, grossValue = 0;
            for (int k = 0; k < m; k++)
            {
                int b = bar[k][i];
                var h = holdings[k];
                var s = symbols[k];
                if (b >= 0)
                {
                    if (model.HasExits) model.ApplyExits(account, h, s.Open[b], s.High[b], s.Low[b], s.Dates[b], b);
                    lastClose[k] = s.Close[b];
                    lastBar[k] = b;
                }
                // At the end every open position closes at its last close (a symbol without a bar that day: its last one).
                if (i == n - 1 && model.CloseAtEnd && lastBar[k] >= 0)
                    model.CloseOut(account, h, lastClose[k], s.Dates[lastBar[k]], lastBar[k]);
                value += h.Shares * lastClose[k];
                grossValue += Math.Abs(h.Shares * lastClose[k]);
            }
            double eq = account.Cash + value;
            equity[i] = eq;
            cashCurve[i] = account.Cash;
            gross[i] = eq > 0 ? grossValue / eq : 0;
            if (i == n - 1) break;

            // 3. Decisions at today's close for every symbol that traded today.
            for (int k = 0; k < m; k++)
            {
                int b = bar[k][i];
                if (b < 0) continue;
                var s = symbols[k];
                var h = holdings[k];
                var d = sessions[k].Decide(new DecisionContext(b, h.PositionAt(s.Close[b], eq, b), ReadOnlySpan<float>.Empty));
                model.CheckTarget(policy.Id, d.TargetExposure, s.Symbol, s.Dates[b]);
                h.Decide(d.TargetExposure);
                if (h.Stopped) continue; // stopped out: flat until the target changes
                double weight = d.TargetExposure / m;
                double currentWeight = eq > 0 ? h.Shares * s.Close[b] / eq : 0;
                bool mustTrade = weight == 0
                    ? h.Shares != 0
                    : Math.Sign(weight) != Math.Sign(currentWeight) || Math.Abs(weight * bt.PositionSize - currentWeight) > options.RebalanceTolerance;
                if (mustTrade) h.Order(model.TargetShares(eq, weight, s.Close[b]));
            }
        }

        return new PortfolioResult(series.Select(s => s.Symbol).ToArray(), dates, equity, cashCurve, gross,
            holdings.SelectMany(h => h.Book.Trades).OrderBy(t => t.ExitDate).ToList(), account.Traded, account.Costs, bt.InitialCash);
    }
}
