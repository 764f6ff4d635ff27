using System.Runtime.CompilerServices;
using StockAgent.Agents;
using StockAgent.Features;
using StockAgent.Market;

namespace StockAgent.Backtest;

/// <summary>
/// Daily-bar backtest of one policy on one symbol. At each bar t the policy decides from data up to t's
/// close. When its target exposure differs from the previous decision's, it becomes whole shares at t's
/// close (shares = floor(equity_t x exposure x position size / close_t)) and the order fills at bar t+1's
/// open with slippage and commission; an unchanged target keeps the shares held (no daily re-sizing).
/// Stops are checked on each later bar; after a stop the position stays flat until the target changes.
/// Nothing reads bar t+1 before the decision at t is taken.
/// </summary>
public static class Backtester
{
    /// <summary>Runs bars [start, endInclusive] (default: the whole series).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // the bar loop runs once per call: skip tiering
    public static BacktestResult Run(IPolicy policy, PriceSeries series, BacktestOptions? options = null,
        int start = 0, int? endInclusive = null, int seed = 0, IObservationSource? observations = null)
    {
        options ??= BacktestOptions.Default;
        options.Validate();
        options.CheckPolicy(policy);
        int end = endInclusive ?? series.Count - 1;
        if (start < 0 || end >= series.Count || end < start)
            throw new ArgumentOutOfRangeException(nameof(start), $"{series.Symbol}: bars [{start}, {end}] are not inside the series' 0..{series.Count - 1}.");
        int n = end - start + 1;

        var equity = new double[n];
        var cashCurve = new double[n];
        var sharesCurve = new double[n];
        var exposure = new double[n];
        var actions = new int[n];
        var targets = new double[n];
        var logProbs = new double[n];
        int obsSize = observations?.Size ?? 0;
        var obs = obsSize > 0 ? new float[obsSize] : [];
        var recorded = options.RecordObservations && obsSize > 0 ? new float[n * obsSize] : null;

        var book = new TradeBook(series.Symbol);
        var session = policy.Begin(series, seed);
        var open = series.Open; var high = series.High; var low = series.Low; var close = series.Close; var dates = series.Dates;
        double cash = options.InitialCash, shares = 0, pending = 0, traded = 0, costs = 0;
        bool hasPending = false;
        double lastTarget = 0;

        for (int i = 0; i < n; i++)
        {
            int t = start + i;
            if (hasPending && pending != shares)
                Fills.Execute(ref cash, ref shares, pending - shares, open[t], options.Costs, options.AllowShort, book, dates[t], t, "signal", ref traded, ref costs);
            hasPending = false;

            if (options.StopLoss is not null || options.TakeProfit is not null)
            {
                var (price, reason) = Fills.CheckStops(shares, book.EntryPrice, options.StopLoss, options.TakeProfit, open[t], high[t], low[t]);
                if (!double.IsNaN(price))
                    Fills.Execute(ref cash, ref shares, -shares, price, options.Costs, options.AllowShort, book, dates[t], t, reason, ref traded, ref costs);
            }

            if (i == n - 1 && options.CloseAtEnd && shares != 0)
                Fills.Execute(ref cash, ref shares, -shares, close[t], options.Costs, options.AllowShort, book, dates[t], t, "end", ref traded, ref costs);

            double value = shares * close[t];
            double eq = cash + value;
            equity[i] = eq;
            cashCurve[i] = cash;
            sharesCurve[i] = shares;
            exposure[i] = eq > 0 ? value / eq : 0;

            if (i == n - 1)
            {
                actions[i] = -1;
                targets[i] = double.NaN;
                break;
            }
            var position = book.PositionAt(shares, close[t], eq, t);
            if (obsSize > 0)
            {
                observations!.Observe(t, position, obs);
                if (recorded is not null) obs.AsSpan().CopyTo(recorded.AsSpan(i * obsSize, obsSize));
            }
            var decision = session.Decide(new DecisionContext(t, position, obs));
            double e = decision.TargetExposure;
            if (!double.IsFinite(e) || Math.Abs(e) > 1)
                throw new InvalidOperationException($"policy {policy.Id} returned target exposure {e} at {dates[t]:yyyy-MM-dd}; it must be in [-1, 1].");
            if (e < 0 && !options.AllowShort)
                throw new InvalidOperationException($"policy {policy.Id} asked for a short position at {dates[t]:yyyy-MM-dd} but shorting is not enabled.");
            actions[i] = decision.Action;
            targets[i] = e;
            logProbs[i] = decision.LogProb;
            if (e != lastTarget)
            {
                pending = Fills.TargetShares(eq, e, options.PositionSize, close[t]);
                hasPending = true;
                lastTarget = e;
            }
        }

        return new BacktestResult(series.Symbol, start, dates[start..(end + 1)], equity, cashCurve, sharesCurve, exposure,
            actions, targets, logProbs, book.Trades, traded, costs, options.InitialCash, recorded, obsSize);
    }
}
