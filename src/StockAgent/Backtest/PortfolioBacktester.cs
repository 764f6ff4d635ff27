using System.Runtime.CompilerServices;
using StockAgent.Agents;
using StockAgent.Features;
using StockAgent.Market;

namespace StockAgent.Backtest;

/// <summary>
/// Runs a policy on many symbols sharing one cash account: one <see cref="IPolicy"/> per symbol in equal-weight sleeves
/// (see <see cref="PortfolioOptions"/>), or one <see cref="IPortfolioPolicy"/> that sets every symbol's weight each day.
/// Days are the union of the symbols' trading days; a symbol without a bar on a day neither decides nor trades and is
/// valued at its last close. Orders decided at a day's close fill at each symbol's next open, sells before buys so that
/// cash from sales can fund purchases. Fills, exits, sizing and the cash limit are the <see cref="ExecutionModel"/>'s, the
/// same as a single-symbol backtest's (so a stopped-out holding stays flat until its target changes, as in
/// <see cref="Backtester"/>). The day loop is <see cref="PortfolioLedger"/>'s.
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
        int size = ObservationSize(series, observations);
        var ledger = new PortfolioLedger(series, options);
        int m = series.Count, n = ledger.Dates.Length;
        var symbols = ledger.Symbols;
        var bar = ledger.Bar;
        var sessions = series.Select((s, k) => policy.Begin(s, seed + k)).ToArray();
        var batch = policy as IBatchPolicy;
        var rows = new float[m * size];
        var steps = new SessionStep[batch is null ? 0 : m];
        var decisions = new PolicyDecision[m];
        var who = new int[m];

        for (int i = 0; i < n; i++)
        {
            ledger.Fill(i);
            double eq = ledger.Mark(i);
            if (i == n - 1) break;

            // Decisions at today's close for every symbol that traded today (in one call for a batch policy).
            double sleeve = eq / m;
            int deciding = 0;
            for (int k = 0; k < m; k++)
            {
                int b = bar[k][i];
                if (b < 0) continue;
                var position = ledger.PositionOf(k, b, sleeve);
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
                var d = decisions[q];
                ledger.Model.CheckTarget(policy.Id, d.TargetExposure, symbols[k].Symbol, symbols[k].Dates[b]);
                ledger.Rebalance(k, b, d.TargetExposure, d.TargetExposure / m, eq);
            }
        }
        return ledger.Result();
    }

    /// <summary>
    /// Runs a portfolio policy: each day, after the fills and the marks, every symbol with a bar that day decides in one
    /// call of its session, which returns the symbols' target weights (fractions of equity at today's close; the rest is
    /// cash). A symbol's order is whole shares of weight x position size x equity at its close, traded as in the sleeve
    /// run (when the weight is zero, changes sign, or moves by more than the rebalance tolerance); a symbol that does not
    /// decide keeps its shares. A symbol's position state is its position value relative to the policy's full weight
    /// (<see cref="IPortfolioPolicy.FullWeight"/> of the symbols deciding that day) x equity, clipped to [-1, 1]. With
    /// <see cref="BacktestOptions.RecordObservations"/> every step is kept in <see cref="PortfolioResult.Decisions"/>.
    /// </summary>
    /// <param name="observations">The observations the policy reads, aligned with <paramref name="series"/> (null: none).</param>
    public static PortfolioResult Run(IPortfolioPolicy policy, IReadOnlyList<PriceSeries> series, PortfolioOptions? options = null, int seed = 0,
        IReadOnlyList<IObservationSource>? observations = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        options ??= new PortfolioOptions();
        options.Validate();
        var bt = options.Backtest;
        if (policy.AllowsShort && !bt.AllowShort)
            throw new ArgumentException($"portfolio policy {policy.Id} holds short weights but shorting is not enabled ({nameof(BacktestOptions.AllowShort)}).", nameof(options));
        int size = ObservationSize(series, observations);
        var ledger = new PortfolioLedger(series, options);
        int m = series.Count, n = ledger.Dates.Length;
        var symbols = ledger.Symbols;
        var bar = ledger.Bar;
        var session = policy.Begin(series, seed);
        var rows = new float[m * size];
        var steps = new PortfolioStep[m];
        var weights = new double[m];
        var decisions = new PolicyDecision[m];
        var record = bt.RecordObservations ? new DecisionRecorder(size) : null;

        for (int i = 0; i < n; i++)
        {
            ledger.Fill(i);
            double eq = ledger.Mark(i);
            if (i == n - 1) break;

            int deciding = 0;
            for (int k = 0; k < m; k++) if (bar[k][i] >= 0) deciding++;
            double basis = eq * policy.FullWeight(deciding);
            deciding = 0;
            for (int k = 0; k < m; k++)
            {
                int b = bar[k][i];
                if (b < 0) continue;
                var position = ledger.PositionOf(k, b, basis);
                position = position with { Exposure = Math.Clamp(position.Exposure, -1, 1) };
                if (size > 0) observations![k].Observe(b, position, rows.AsSpan(deciding * size, size));
                steps[deciding++] = new PortfolioStep(k, b, position, observations?[k]);
            }
            if (deciding == 0) continue;
            session.Decide(steps.AsSpan(0, deciding), rows.AsSpan(0, deciding * size), weights.AsSpan(0, deciding), decisions.AsSpan(0, deciding));
            for (int q = 0; q < deciding; q++)
            {
                int k = steps[q].Symbol, b = steps[q].Bar;
                double w = weights[q];
                ledger.Model.CheckTarget(policy.Id, w, symbols[k].Symbol, symbols[k].Dates[b]);
                ledger.Rebalance(k, b, w, w, eq);
                record?.Add(i, steps[q], rows.AsSpan(q * size, size), decisions[q], w);
            }
        }
        return ledger.Result(record?.Build());
    }

    private static int ObservationSize(IReadOnlyList<PriceSeries> series, IReadOnlyList<IObservationSource>? observations)
    {
        if (observations is null) return 0;
        if (observations.Count != series.Count)
            throw new ArgumentException($"{observations.Count} observation sources for {series.Count} symbols.", nameof(observations));
        int size = observations.Count == 0 ? 0 : observations[0].Size;
        if (observations.Any(o => o.Size != size))
            throw new ArgumentException("every symbol's observations must have the same size.", nameof(observations));
        return size;
    }

    /// <summary>Collects <see cref="PortfolioDecisions"/> step by step.</summary>
    private sealed class DecisionRecorder(int size)
    {
        private readonly List<int> _day = [], _symbol = [], _bar = [], _action = [];
        private readonly List<float> _obs = [];
        private readonly List<double> _logp = [], _weight = [];

        public void Add(int day, PortfolioStep step, ReadOnlySpan<float> observation, PolicyDecision decision, double weight)
        {
            _day.Add(day);
            _symbol.Add(step.Symbol);
            _bar.Add(step.Bar);
            _obs.AddRange(observation);
            _action.Add(decision.Action);
            _logp.Add(decision.LogProb);
            _weight.Add(weight);
        }

        public PortfolioDecisions Build() => new([.. _day], [.. _symbol], [.. _bar], [.. _obs], size, [.. _action], [.. _logp], [.. _weight]);
    }
}
