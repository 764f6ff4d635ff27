using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Experience;
using StockAgent.Features;
using StockAgent.Market;
using TorchSharp;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Experience;

/// <summary>Lockstep collection (one batched decision per bar for all episodes) against one backtest per episode.</summary>
[Collection(TorchCollection.Name)]
public class LockstepCollectionTests
{
    private static readonly Lazy<MarketData> Market = new(() =>
        SyntheticMarket.Generate(new SyntheticMarketOptions { Symbols = 6, Sectors = 2, Years = 3, Seed = 21 }));

    private static NeuralPolicy Policy(string architecture, int length, int torchSeed = 4)
    {
        int inputs = MarketObservations.BaseNames.Count; // a model of the base columns (the default), fed full observations
        torch.manual_seed(torchSeed);
        var spec = new PolicyNetworkSpec { Inputs = inputs, Architecture = architecture, SequenceLength = length, Hidden = [16, 8], Actions = 3, LoraRank = 2 };
        var network = new PolicyNetwork(spec);
        using (torch.no_grad())
            foreach (var p in network.AdapterParameters()) p.normal_(0, 0.3); // non-zero adapters
        var normalizer = new FeatureNormalizer(new double[inputs], Enumerable.Repeat(0.5, inputs).ToArray());
        return new NeuralPolicy(network, new NeuralPolicyMetadata(spec, [0, 0.5, 1], [.. MarketObservations.BaseNames], normalizer, "t", "grpo", DateTimeOffset.UnixEpoch));
    }

    /// <summary>Episodes on every symbol with different start bars, lengths (2 to 45 steps) and seeds; some share a start state.</summary>
    private static List<EpisodeSpec> Episodes(int count, int seed)
    {
        var market = Market.Value;
        var rng = new Random(seed);
        var symbols = market.Symbols.ToArray();
        var episodes = new List<EpisodeSpec>();
        for (int i = 0; i < count; i++)
        {
            if (i % 5 == 4) { episodes.Add(episodes[^1] with { Seed = rng.Next() }); continue; } // a GRPO-like repeat
            var symbol = symbols[i % symbols.Length];
            int steps = 2 + rng.Next(44);
            int start = 60 + rng.Next(market[symbol].Count - 60 - steps - 1);
            episodes.Add(new EpisodeSpec(symbol, start, steps, i / 5, rng.Next()));
        }
        return episodes;
    }

    private static void AssertSame(IReadOnlyList<Trajectory> expected, IReadOnlyList<Trajectory> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal(e.Actions, a.Actions);
            Assert.Equal(e.Equity, a.Equity);
            Assert.Equal(e.Exposures, a.Exposures);
            Assert.Equal(e.Rewards, a.Rewards);
            Assert.Equal(e.Observations, a.Observations);
            Assert.Equal(e.Stats, a.Stats);
            Assert.Equal(e.Reward, a.Reward);
            Assert.Equal(e.Metadata, a.Metadata);
            Assert.Equal(e.LogProbs.Length, a.LogProbs.Length);
            for (int s = 0; s < e.LogProbs.Length; s++) Assert.Equal(e.LogProbs[s], a.LogProbs[s], tolerance: 1e-5);
        }
    }

    [Theory]
    [InlineData(PolicyNetworkSpec.Mlp, 1, false)]
    [InlineData(PolicyNetworkSpec.Gru, 5, false)]
    [InlineData(PolicyNetworkSpec.Mlp, 1, true)]
    [InlineData(PolicyNetworkSpec.Gru, 3, true)]
    public void Collect_Lockstep_EqualsOneBacktestPerEpisode(string architecture, int length, bool greedy)
    {
        using var policy = Policy(architecture, length);
        policy.Greedy = greedy;
        var episodes = Episodes(40, 7);
        var collector = new ExperienceCollector(Market.Value);
        var lockstep = collector.Collect(policy, episodes);
        var perEpisode = collector.Collect(new PerDecisionPolicy(policy), episodes);
        AssertSame(perEpisode, lockstep);
        Assert.Contains(lockstep, t => t.Actions.Distinct().Count() > 1); // the comparison covers real choices
    }

    [Property(MaxTest = 6)]
    public Property Collect_Lockstep_EqualsBacktesterRun_ForAnyEpisodeMix() =>
        Prop.ForAll(Gen.Choose(0, 100_000).ToArbitrary(), seed =>
        {
            using var policy = Policy(seed % 2 == 0 ? PolicyNetworkSpec.Mlp : PolicyNetworkSpec.Gru, seed % 2 == 0 ? 1 : 4, seed);
            var market = Market.Value;
            var episodes = Episodes(24, seed);
            var lockstep = new ExperienceCollector(market).Collect(policy, episodes);
            var options = new BacktestOptions
            {
                InitialCash = 10_000, PositionSize = 1.0, Costs = CostModel.FromBps(5, 5), RecordObservations = true,
            };
            var observations = MarketObservations.Of(market);
            for (int i = 0; i < episodes.Count; i++)
            {
                var spec = episodes[i];
                var r = Backtester.Run(policy, market[spec.Symbol], options, spec.StartBar, spec.StartBar + spec.Steps, spec.Seed,
                    observations.For(spec.Symbol));
                // Batched and one-row forward passes round differently (log-probs within ~1e-5), so a sampled action
                // can flip where the uniform draw sits on a boundary of the cumulative probabilities. Such a step must
                // be a true near-tie, and the episodes are compared up to it.
                int steps = spec.Steps;
                int flip = Enumerable.Range(0, steps).FirstOrDefault(s => r.Actions[s] != lockstep[i].Actions[s], -1);
                if (flip >= 0)
                {
                    double gap = BoundaryGap(policy, lockstep[i], spec, flip);
                    if (gap > 1e-4) return false.Label($"episode {i} ({spec}) differs at step {flip}, {gap:E1} from a sampling boundary");
                    steps = flip;
                }
                if (!r.Actions[..steps].SequenceEqual(lockstep[i].Actions[..steps]) || !r.Equity[..steps].SequenceEqual(lockstep[i].Equity[..steps]))
                    return false.Label($"episode {i} ({spec}) differs");
                for (int s = 0; s < steps; s++)
                    if (Math.Abs(r.LogProbs[s] - lockstep[i].LogProbs[s]) > 1e-4 * Math.Max(1, Math.Abs(r.LogProbs[s])))
                        return false.Label($"episode {i} step {s}: log-prob {r.LogProbs[s]} alone, {lockstep[i].LogProbs[s]} in lockstep");
            }
            return true.ToProperty();
        });

    /// <summary>How far the uniform draw of <paramref name="step"/> lies from the nearest boundary of the cumulative action
    /// probabilities there (recomputed from the recorded observations; the session draws once per decision).</summary>
    private static double BoundaryGap(NeuralPolicy policy, Trajectory trajectory, EpisodeSpec spec, int step)
    {
        var rng = new Random(spec.Seed);
        double u = 0;
        for (int s = 0; s <= step; s++) u = rng.NextDouble();
        int size = trajectory.ObservationSize, length = policy.Network.Spec.SequenceLength;
        var windows = new float[(step + 1) * size * length];
        ObservationWindows.Episode(MarketObservations.Of(Market.Value).For(spec.Symbol), size, spec.StartBar,
            trajectory.Observations.AsSpan(0, (step + 1) * size), length, windows);
        var logp = policy.LogProbabilities(windows.AsSpan(step * size * length), 1);
        double c = 0, gap = double.PositiveInfinity;
        for (int a = 0; a < logp.Length - 1; a++) gap = Math.Min(gap, Math.Abs(u - (c += Math.Exp(logp[a]))));
        return gap;
    }

    [Fact]
    public void DecideSessions_RefusesASessionOfAnotherPolicy()
    {
        using var a = Policy(PolicyNetworkSpec.Mlp, 1);
        using var b = Policy(PolicyNetworkSpec.Mlp, 1);
        var series = Market.Value[Market.Value.Symbols.First()];
        var decisions = new PolicyDecision[1];
        var ex = Assert.Throws<ArgumentException>(() =>
            a.DecideSessions([new SessionStep(b.Begin(series, 1), 0, PositionState.Flat, null)], new float[MarketObservations.Names.Count], decisions));
        Assert.Contains("not begun by this policy", ex.Message);
    }
}
