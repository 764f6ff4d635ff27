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
/// equity curve, episode stats and reward, and metadata (regime and realised volatility of the window). The stats carry
/// the episode's benchmark (<see cref="BuyAndHoldBenchmark"/> of its symbol over its bars, with its fills and costs: its
/// return and Sharpe) and the sum of the differential Sharpe ratio over its daily returns (<see cref="DifferentialSharpeRatio.Sum"/>,
/// eta <see cref="DifferentialSharpeRatio.DefaultEta"/>).
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
        var runs = new BacktestRun[episodes.Count];
        var ends = new int[episodes.Count];
        for (int i = 0; i < episodes.Count; i++)
        {
            var (series, end, obs) = Resolve(episodes[i]);
            ends[i] = end;
            runs[i] = new BacktestRun(series, episodes[i].StartBar, end, episodes[i].Seed, obs);
        }
        // A batch policy steps every episode in lockstep (progress comes as trajectories are built); others report as episodes end.
        bool batch = policy is IBatchPolicy;
        var results = Backtester.RunMany(policy, runs, backtest, _options.MaxParallelism, batch ? null : progress);
        Parallel.For(0, episodes.Count, Parallelism, i =>
        {
            result[i] = ToTrajectory(policy, episodes[i], runs[i].Series, ends[i], results[i], backtest);
            int d = Interlocked.Increment(ref done);
            if (batch && progress is not null && (d % 50 == 0 || d == episodes.Count)) progress(d);
        });
        return result;
    }

    private ParallelOptions Parallelism => new() { MaxDegreeOfParallelism = Math.Max(1, _options.MaxParallelism) };

    private (PriceSeries Series, int End, IObservationSource Observations) Resolve(EpisodeSpec spec)
    {
        var series = market[spec.Symbol];
        int end = spec.StartBar + spec.Steps;
        if (spec.StartBar < 0 || end >= series.Count)
            throw new ArgumentOutOfRangeException(nameof(spec), $"{spec.Symbol}: episode bars [{spec.StartBar}, {end}] are outside its {series.Count} bars.");
        return (series, end, _observations.For(spec.Symbol));
    }

    private Trajectory ToTrajectory(IPolicy policy, EpisodeSpec spec, PriceSeries series, int end, BacktestResult r, BacktestOptions backtest)
    {
        int steps = spec.Steps;
        var rewards = new double[steps];
        for (int i = 0; i < steps; i++) rewards[i] = r.Equity[i + 1] / r.Equity[i] - 1;
        var m = r.Metrics();
        var benchmark = BuyAndHoldBenchmark.Run(series, backtest, spec.StartBar, end).Metrics();
        var stats = new EpisodeStats(r.FinalEquity - r.InitialCash, m.TotalReturn, m.Sharpe, m.MaxDrawdown, m.Trades, m.WinRate,
            m.Exposure, m.Volatility, r.InitialCash, benchmark.TotalReturn, benchmark.Sharpe, DifferentialSharpeRatio.Sum(rewards));
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
