using StockAgent.Rewards;
using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Statistics;
using StockAgent.Features;
using StockAgent.Market;

namespace StockAgent.Experience;

/// <summary>
/// Runs a policy over episodes and turns each into a <see cref="Trajectory"/>: the backtester (next-open
/// fills, costs) with <see cref="MarketObservations"/> recorded, step rewards from the
/// equity curve, episode stats and reward, and metadata (regime and realised volatility of the window).
/// Episodes run in parallel; each has its own seed, so results do not depend on scheduling. For an
/// <see cref="IBatchPolicy"/> (the neural agent) they run in lockstep instead: one bar at a time for all episodes,
/// one batched decision per bar, each episode sampling with its own seeded session.
/// </summary>
public sealed class ExperienceCollector(MarketData market, CollectorOptions? options = null)
{
    private readonly CollectorOptions _options = options ?? new CollectorOptions();
    private readonly MarketObservations _observations = MarketObservations.Of(market);

    public IReadOnlyList<Trajectory> Collect(IPolicy policy, IReadOnlyList<EpisodeSpec> episodes, Action<int>? progress = null)
    {
        var result = new Trajectory[episodes.Count];
        int done = 0;
        var backtest = new BacktestOptions
        {
            InitialCash = _options.InitialCash,
            PositionSize = _options.PositionSize,
            Costs = _options.Costs,
            AllowShort = policy.Actions.AllowsShort,
            RecordObservations = true,
        };
        if (policy is IBatchPolicy batchPolicy) return CollectLockstep(batchPolicy, episodes, backtest, progress);
        Parallel.For(0, episodes.Count, Parallelism, i =>
        {
            var (series, end, obs) = Resolve(episodes[i]);
            var r = Backtester.Run(policy, series, backtest, episodes[i].StartBar, end, episodes[i].Seed, obs);
            result[i] = ToTrajectory(policy, episodes[i], series, end, r);
            int d = Interlocked.Increment(ref done);
            if (progress is not null && (d % 50 == 0 || d == episodes.Count)) progress(d);
        });
        return result;
    }

    private ParallelOptions Parallelism => new() { MaxDegreeOfParallelism = Math.Max(1, _options.MaxParallelism) };

    /// <summary>All episodes advance one bar at a time; at each bar the observations of the live episodes are
    /// stacked and the policy decides for all of them in one call.</summary>
    private Trajectory[] CollectLockstep(IBatchPolicy policy, IReadOnlyList<EpisodeSpec> episodes, BacktestOptions backtest,
        Action<int>? progress)
    {
        backtest.Validate();
        backtest.CheckPolicy(policy);
        int count = episodes.Count;
        var steppers = new BacktestStepper[count];
        var sessions = new IPolicySession[count];
        var series = new PriceSeries[count];
        var sources = new IObservationSource[count];
        var ends = new int[count];
        for (int i = 0; i < count; i++)
        {
            var spec = episodes[i];
            var (s, end, obs) = Resolve(spec);
            (series[i], ends[i], sources[i]) = (s, end, obs);
            steppers[i] = new BacktestStepper(policy.Id, s, backtest, spec.StartBar, end, obs);
            sessions[i] = policy.Begin(s, spec.Seed);
        }

        int size = _observations.Size;
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
                deciding[k] = new SessionStep(sessions[live[j]], stepper.Bar, stepper.Position, sources[live[j]]);
                live[k++] = live[j];
            }
            live.RemoveRange(k, live.Count - k);
            if (k == 0) break;
            policy.DecideSessions(deciding.AsSpan(0, k), rows.AsSpan(0, k * size), decisions);
            for (int j = 0; j < k; j++) steppers[live[j]].Apply(decisions[j]);
        }

        var result = new Trajectory[count];
        int done = 0;
        Parallel.For(0, count, Parallelism, i =>
        {
            result[i] = ToTrajectory(policy, episodes[i], series[i], ends[i], steppers[i].Result());
            int d = Interlocked.Increment(ref done);
            if (progress is not null && (d % 50 == 0 || d == count)) progress(d);
        });
        return result;
    }

    private (PriceSeries Series, int End, IObservationSource Observations) Resolve(EpisodeSpec spec)
    {
        var series = market[spec.Symbol];
        int end = spec.StartBar + spec.Steps;
        if (spec.StartBar < 0 || end >= series.Count)
            throw new ArgumentOutOfRangeException(nameof(spec), $"{spec.Symbol}: episode bars [{spec.StartBar}, {end}] are outside its {series.Count} bars.");
        return (series, end, _observations.For(spec.Symbol));
    }

    private Trajectory ToTrajectory(IPolicy policy, EpisodeSpec spec, PriceSeries series, int end, BacktestResult r)
    {
        int steps = spec.Steps;
        var rewards = new double[steps];
        for (int i = 0; i < steps; i++) rewards[i] = r.Equity[i + 1] / r.Equity[i] - 1;
        var m = r.Metrics();
        var stats = new EpisodeStats(r.FinalEquity - r.InitialCash, m.TotalReturn, m.Sharpe, m.MaxDrawdown, m.Trades, m.WinRate,
            m.Exposure, m.Volatility, r.InitialCash);
        var flags = new List<string>();
        if (r.Exposure.All(e => e == 0)) flags.Add("flat");
        if (Math.Abs(stats.Return) > 0.5) flags.Add("extreme-return");
        var metadata = new TrajectoryMetadata(spec.Symbol, market.SectorOf(spec.Symbol), series.Dates[spec.StartBar], series.Dates[end],
            RegimeLabeler.Label(series, spec.StartBar, end).ToString(),
            RegimeLabeler.RealizedVolatility(series.Close, spec.StartBar, end),
            policy.Id, policy.Version, spec.GroupId, 0, spec.Seed, string.Join(',', flags));
        return new Trajectory(metadata, stats, _options.Reward(stats), r.ObservationSize,
            r.Observations![..(steps * r.ObservationSize)], r.Actions[..steps], r.LogProbs[..steps], rewards,
            r.Exposure[..steps], r.Equity[..steps]);
    }
}
