using System.Runtime.CompilerServices;
using StockAgent.Agents;
using StockAgent.Features;
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
    /// <param name="observations">The observations each symbol's policy reads, aligned with <paramref name="series"/>
    /// (null for a policy that reads the bars only, such as the baselines). A symbol's position state is that of its
    /// sleeve: exposure relative to 1/N of the portfolio's equity, as in a single-symbol run. A batch policy
    /// (<see cref="IBatchPolicy"/>) takes each day's decisions in one call.</param>
    public static PortfolioResult Run(IPolicy policy, IReadOnlyList<PriceSeries> series, PortfolioOptions? options = null, int seed = 0,
        IReadOnlyList<IObservationSource>? observations = null)
    {
        options ??= new PortfolioOptions();
        options.Validate();
        var bt = options.Backtest;
        bt.CheckPolicy(policy);
        if (series.Count == 0) throw new ArgumentException("a portfolio needs at least one symbol.", nameof(series));
        if (observations is not null && observations.Count != series.Count)
            throw new ArgumentException($"{observations.Count} observation sources for {series.Count} symbols.", nameof(observations));

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
        int size = observations?[0].Size ?? 0;
        if (observations is not null && observations.Any(o => o.Size != size))
            throw new ArgumentException("every symbol's observations must have the same size.", nameof(observations));
        var batch = policy as IBatchPolicy;
        var rows = new float[m * size];
        var steps = new SessionStep[batch is null ? 0 : m];
        var decisions = new PolicyDecision[m];
        var who = new int[m];

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

            // 3. Decisions at today's close for every symbol that traded today (in one call for a batch policy).
            double sleeve = eq / m;
            int deciding = 0;
            for (int k = 0; k < m; k++)
            {
                int b = bar[k][i];
                if (b < 0) continue;
                var position = holdings[k].PositionAt(symbols[k].Close[b], sleeve, b);
                var row = rows.AsSpan(deciding * size, size);
                if (size > 0) observations![k].Observe(b, position, row);
                if (batch is not null) steps[deciding] = new SessionStep(sessions[k], b, position, observations?[k]);
                else decisions[deciding] = sessions[k].Decide(new DecisionContext(b, position, row, observations?[k]));
                who[deciding++] = k;
            }
            if (batch is not null && deciding > 0)
                batch.DecideSessions(steps.AsSpan(0, deciding), rows.AsSpan(0, deciding * size), decisions.AsSpan(0, deciding));
            for (int q = 0; q < deciding; q++)
            {
                int k = who[q], b = bar[k][i];
                var s = symbols[k];
                var h = holdings[k];
                var d = decisions[q];
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
