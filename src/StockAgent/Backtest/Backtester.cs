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
/// Nothing reads bar t+1 before the decision at t is taken. The bar logic lives in <see cref="BacktestStepper"/>, which
/// the experience collector also steps in lockstep for batch policies.
/// </summary>
public static class Backtester
{
    /// <summary>Runs bars [start, endInclusive] (default: the whole series).</summary>
    public static BacktestResult Run(IPolicy policy, PriceSeries series, BacktestOptions? options = null,
        int start = 0, int? endInclusive = null, int seed = 0, IObservationSource? observations = null)
    {
        options ??= BacktestOptions.Default;
        options.Validate();
        options.CheckPolicy(policy);
        var stepper = new BacktestStepper(policy.Id, series, options, start, endInclusive ?? series.Count - 1, observations);
        return stepper.Run(policy.Begin(series, seed));
    }

    /// <summary>
    /// Runs many backtests of one policy with the same options; result i is what <see cref="Run"/> gives for run i.
    /// A batch policy (<see cref="IBatchPolicy"/>, the neural agent) steps them in lockstep: one bar at a time for all
    /// runs, one batched decision for every run still going. Other policies run in parallel, up to
    /// <paramref name="maxParallelism"/> at a time. <paramref name="progress"/> receives the count of finished runs.
    /// </summary>
    public static BacktestResult[] RunMany(IPolicy policy, IReadOnlyList<BacktestRun> runs, BacktestOptions? options = null,
        int maxParallelism = 0, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(runs);
        options ??= BacktestOptions.Default;
        options.Validate();
        options.CheckPolicy(policy);
        var result = new BacktestResult[runs.Count];
        if (runs.Count == 0) return result;
        if (policy is IBatchPolicy batch)
        {
            Lockstep(batch, runs, options, result);
            progress?.Invoke(runs.Count);
            return result;
        }
        int done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism > 0 ? maxParallelism : Environment.ProcessorCount };
        Parallel.For(0, runs.Count, parallel, i =>
        {
            var run = runs[i];
            result[i] = new BacktestStepper(policy.Id, run.Series, options, run.Start, run.End, run.Observations).Run(policy.Begin(run.Series, run.Seed));
            int d = Interlocked.Increment(ref done);
            if (progress is not null && (d % 50 == 0 || d == runs.Count)) progress(d);
        });
        return result;
    }

    private static void Lockstep(IBatchPolicy policy, IReadOnlyList<BacktestRun> runs, BacktestOptions options, BacktestResult[] result)
    {
        int count = runs.Count;
        var steppers = new BacktestStepper[count];
        var sessions = new IPolicySession[count];
        int size = 0;
        for (int i = 0; i < count; i++)
        {
            var run = runs[i];
            int runSize = run.Observations?.Size ?? 0;
            if (i > 0 && runSize != size)
                throw new ArgumentException($"run {i} ({run.Series.Symbol}) has observations of {runSize} values, run 0 of {size}: a batch needs one size.", nameof(runs));
            size = runSize;
            steppers[i] = new BacktestStepper(policy.Id, run.Series, options, run.Start, run.End, run.Observations);
            sessions[i] = policy.Begin(run.Series, run.Seed);
        }

        var rows = new float[count * size];
        var decisions = new PolicyDecision[count];
        var live = Enumerable.Range(0, count).ToList();
        var deciding = new SessionStep[count];
        while (live.Count > 0)
        {
            int k = 0;
            for (int j = 0; j < live.Count; j++)
            {
                var stepper = steppers[live[j]];
                if (!stepper.Observe()) continue;
                stepper.Observation.CopyTo(rows.AsSpan(k * size, size));
                deciding[k] = new SessionStep(sessions[live[j]], stepper.Bar, stepper.Position, runs[live[j]].Observations);
                live[k++] = live[j];
            }
            live.RemoveRange(k, live.Count - k);
            if (k == 0) break;
            policy.DecideSessions(deciding.AsSpan(0, k), rows.AsSpan(0, k * size), decisions);
            for (int j = 0; j < k; j++) steppers[live[j]].Apply(decisions[j]);
        }
        for (int i = 0; i < count; i++) result[i] = steppers[i].Result();
    }
}
