using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Features;
using StockAgent.Tests.Support;
using TorchSharp;

namespace StockAgent.Tests.Agents;

[Collection(TorchCollection.Name)]
public class EnsemblePolicyTests
{
    private static readonly StockAgent.Market.PriceSeries Series = SeriesBuilder.Trend(30, 0.001, 0.01);

    [Fact]
    public void MajorityVote_FollowsTheMajority()
    {
        var ensemble = new EnsemblePolicy([new BuyAndHoldPolicy(), new BuyAndHoldPolicy(), ScriptedPolicy.Constant(0, 30)]);
        var r = Backtester.Run(ensemble, Series);
        Assert.All(r.TargetExposure[..^1], e => Assert.Equal(1.0, e));
        Assert.Equal(0, r.LogProbs[0]);
    }

    [Fact]
    public void MajorityVote_TieGoesToTheSmallerExposure()
    {
        var ensemble = new EnsemblePolicy([new BuyAndHoldPolicy(), ScriptedPolicy.Constant(0, 30)]);
        var r = Backtester.Run(ensemble, Series);
        Assert.All(r.TargetExposure[..^1], e => Assert.Equal(0.0, e));
    }

    [Fact]
    public void Members_MustShareTheActionSpace()
    {
        var ex = Assert.Throws<ArgumentException>(() => new EnsemblePolicy([new BuyAndHoldPolicy(), new RandomPolicy(ActionSpace.LongShort)]));
        Assert.Contains("share one action space", ex.Message);
        Assert.Throws<ArgumentException>(() => new EnsemblePolicy([new BuyAndHoldPolicy()], EnsembleMode.MeanProbability));
    }

    [Fact]
    public void MeanProbability_AveragesTheMembersDistributions()
    {
        var members = Enumerable.Range(0, 3).Select(seed =>
        {
            torch.manual_seed(seed);
            var spec = new PolicyNetworkSpec { Inputs = MarketObservations.Names.Count, Hidden = [8], Actions = 3 };
            return new NeuralPolicy(new PolicyNetwork(spec), new NeuralPolicyMetadata(spec, [0, 0.5, 1], MarketObservations.Names.ToArray(),
                FeatureNormalizer.Identity(spec.Inputs), $"m{seed}", "test", DateTimeOffset.UnixEpoch), greedy: true);
        }).ToList();
        var ensemble = new EnsemblePolicy(members, EnsembleMode.MeanProbability);

        var r = Backtester.Run(ensemble, Series, observations: MarketObservations.ForSeries(Series));

        var obs = MarketObservations.ForSeries(Series);
        var row = new float[obs.Size];
        // Bar 0 (flat position): the chosen action maximises the members' mean probability.
        obs.Observe(0, PositionState.Flat, row);
        var mean = new double[3];
        foreach (var m in members)
        {
            var logp = m.LogProbabilities(row, 1);
            for (int a = 0; a < 3; a++) mean[a] += Math.Exp(logp[a]) / 3;
        }
        Assert.Equal(Array.IndexOf(mean, mean.Max()), r.Actions[0]);
        members.ForEach(m => m.Dispose());
    }
}
