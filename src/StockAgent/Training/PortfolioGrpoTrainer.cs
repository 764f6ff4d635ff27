using System.Diagnostics;
using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Experience;
using StockAgent.Market;
using StockAgent.Rewards;
using StockAgent.Statistics;

namespace StockAgent.Training;

/// <summary>
/// GRPO on portfolio episodes, for a portfolio-level model (<see cref="NeuralPolicyMetadata.Portfolio"/>). Each iteration
/// draws <see cref="RlOptions.GroupsPerIteration"/> start dates from the training period (uniformly among the days that
/// leave a whole window); a group is <see cref="RlOptions.GroupSize"/> rollouts of the sampling <see cref="PortfolioPolicy"/>
/// over the training symbols (the index members) from that date for <see cref="RlOptions.Window"/> decision days, each with
/// its own seed, in the portfolio backtest of validation (<see cref="PolicyValidation.Options"/>: next-open fills, 5 + 5 bp).
/// A rollout's reward is the reward function of the portfolio's <see cref="EpisodeStats"/>: P&amp;L per 10,000 of initial
/// equity (the scale of a single-symbol episode, so the built-in rewards keep their meaning), return, Sharpe, drawdown,
/// trades, win rate, mean gross exposure, volatility; the benchmark is the equal-weight buy-and-hold portfolio of the same
/// symbols over the same days with the same fills and costs; the differential Sharpe is
/// <see cref="DifferentialSharpeRatio.Sum"/> of the portfolio's daily returns. The group-normalised advantage
/// (<see cref="GroupAdvantages"/>) applies to every (day, symbol) step of the rollout, each step's ratio being that of the
/// action its symbol sampled (the weights are a deterministic function of the sampled actions, so the episode's
/// log-probability is the sum of its steps'); the update is <see cref="RlTrainer"/>'s clipped, KL-controlled surrogate.
/// Portfolio rollouts are not single-symbol trajectories: <see cref="RlTrainer.LastRollouts"/> stays empty (nothing goes to
/// the experience library) and there is no offline mode.
/// </summary>
public sealed class PortfolioGrpoTrainer : RlTrainer
{
    /// <summary>Equity that <see cref="EpisodeStats.Pnl"/> is expressed per (a single-symbol episode's initial cash).</summary>
    public const double PnlScale = 10_000;

    private readonly AdvantageScaling _scaling;
    private readonly PortfolioPolicy _portfolio;
    private readonly List<PriceSeries> _members;
    private readonly List<Features.IObservationSource> _sources;
    private readonly DateOnly[] _days;

    public PortfolioGrpoTrainer(MarketData market, ResolvedSplit split, NeuralPolicy policy, GrpoOptions options)
        : base(market, split, policy, options, trainValueHead: false)
    {
        _scaling = options.Scaling;
        _portfolio = PortfolioPolicy.Of(policy) ?? throw new ArgumentException("portfolio GRPO needs a portfolio-level model (SFT with level=portfolio).", nameof(policy));
        (_members, _sources) = PolicyValidation.Members(market, split.TrainingSymbols, split.TrainStart, split.TrainEnd);
        _days = _members.SelectMany(s => s.Dates).Where(d => d >= split.TrainStart && d <= split.TrainEnd).Distinct().Order().ToArray();
        if (_days.Length <= options.Window)
            throw new ArgumentException($"the training period has {_days.Length} trading days: a portfolio window of {options.Window} days does not fit.", "window");
    }

    /// <summary>The training symbols the portfolio holds.</summary>
    public IReadOnlyList<string> Members => _members.Select(s => s.Symbol).ToList();

    public override RlIterationLog Step(int iteration)
    {
        if (Offline is not null) throw new InvalidOperationException("portfolio GRPO trains online only: its rollouts are not stored trajectories.");
        var clock = Stopwatch.StartNew();
        Policy.Greedy = false;
        Policy.Network.eval();
        var rng = new Random(SeedMixer.Mix(Options.Seed, iteration));
        int groups = Options.GroupsPerIteration, size = Options.GroupSize, rollouts = groups * size;
        var rewards = new double[rollouts];
        var groupIds = new long?[rollouts];
        var episodes = new PortfolioDecisions[rollouts];
        // A rollout runs one small forward pass per day (the day's symbols): on one libtorch thread (TorchThreads).
        TorchThreads.One(() =>
        {
            for (int g = 0; g < groups; g++)
            {
                int start = rng.Next(_days.Length - Options.Window);
                DateOnly from = _days[start], to = _days[start + Options.Window];
                var benchmark = PortfolioBacktester.Run(new BuyAndHoldPolicy(), _members, PolicyValidation.Options(from, to, false)).Metrics();
                var options = PolicyValidation.Options(from, to, _portfolio.AllowsShort, recordObservations: true);
                for (int j = 0; j < size; j++)
                {
                    int i = g * size + j;
                    var result = PortfolioBacktester.Run(_portfolio, _members, options, SeedMixer.Mix(Options.Seed, iteration, g, j), _sources);
                    rewards[i] = Options.Reward(Stats(result, benchmark));
                    groupIds[i] = g;
                    episodes[i] = result.Decisions!;
                }
            }
            return rollouts;
        });
        var batch = Batch(episodes);
        var adv = GroupAdvantages.Compute(rewards, groupIds, _scaling);
        var perStep = new float[batch.Steps];
        for (int i = 0; i < rollouts; i++)
            perStep.AsSpan(batch.Offsets[i], batch.Offsets[i + 1] - batch.Offsets[i]).Fill((float)adv.Advantages[i]);
        double mean = rewards.Average();
        double sd = Math.Sqrt(rewards.Sum(r => (r - mean) * (r - mean)) / Math.Max(1, rollouts - 1));
        return RunEpochs(iteration, batch, perStep) with
        {
            ZeroSpreadShare = adv.ZeroSpreadShare, RewardMean = mean, RewardStd = sd, Trajectories = rollouts, Seconds = clock.Elapsed.TotalSeconds,
        };
    }

    /// <summary>A portfolio episode's stats (see the type's summary) against its equal-weight buy-and-hold benchmark.</summary>
    public static EpisodeStats Stats(PortfolioResult result, PerformanceMetrics benchmark)
    {
        var m = result.Metrics();
        var daily = new double[Math.Max(0, result.Equity.Length - 1)];
        for (int i = 0; i < daily.Length; i++) daily[i] = result.Equity[i + 1] / result.Equity[i] - 1;
        return new EpisodeStats(m.TotalReturn * PnlScale, m.TotalReturn, m.Sharpe, m.MaxDrawdown, m.Trades, m.WinRate, m.Exposure, m.Volatility,
            PnlScale, benchmark.TotalReturn, benchmark.Sharpe, DifferentialSharpeRatio.Sum(daily));
    }

    /// <summary>Every episode's steps, symbol by symbol in day order, as the network's normalised input rows (a sequence
    /// model's window per step, as its session built it when acting: <see cref="ObservationWindows.Episode"/> over the
    /// symbol's consecutive bars).</summary>
    private RolloutBatch Batch(PortfolioDecisions[] episodes)
    {
        var spec = Policy.Network.Spec;
        int size = spec.Inputs, length = spec.SequenceLength, width = spec.RowWidth;
        var offsets = new int[episodes.Length + 1];
        for (int i = 0; i < episodes.Length; i++) offsets[i + 1] = offsets[i] + episodes[i].Steps;
        int steps = offsets[^1];
        var rows = new float[steps * width];
        var actions = new long[steps];
        var logp = new float[steps];
        int at = 0;
        for (int i = 0; i < episodes.Length; i++)
        {
            var e = episodes[i];
            // Episodes record full observations; the network reads its own columns of them (its features key).
            int full = e.ObservationSize;
            if (full != Features.ObservationColumns.FullSize) throw new InvalidOperationException($"portfolio episode {i} recorded observations of {full} values; full observations have {Features.ObservationColumns.FullSize}.");
            foreach (var symbol in Enumerable.Range(0, e.Steps).GroupBy(q => e.Symbol[q]))
            {
                var qs = symbol.ToArray();
                var own = new float[qs.Length * size];
                for (int j = 0; j < qs.Length; j++) Policy.Columns.Select(e.Observations.AsSpan(qs[j] * full, full), own.AsSpan(j * size, size));
                var target = rows.AsSpan(at * width, qs.Length * width);
                if (length == 1) own.CopyTo(target);
                else ObservationWindows.Episode(Policy.Columns.Over(_sources[symbol.Key]), size, e.Bar[qs[0]], own, length, target);
                for (int j = 0; j < qs.Length; j++)
                {
                    actions[at + j] = e.Action[qs[j]];
                    logp[at + j] = (float)e.LogProb[qs[j]];
                }
                at += qs.Length;
            }
        }
        Policy.Metadata.Normalizer.Apply(rows, rows);
        return RolloutBatch.FromSteps(rows, actions, logp, offsets, width);
    }

    protected override RlIterationLog Optimise(int iteration, IReadOnlyList<Trajectory> rollouts, RolloutBatch batch, double[] rewards) =>
        throw new InvalidOperationException("portfolio GRPO trains on its own portfolio rollouts (Step); single-symbol trajectories do not apply.");
}
