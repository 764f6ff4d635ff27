using StockAgent.Agents;
using StockAgent.Experiments;
using StockAgent.Features;
using StockAgent.Training;
using StockAgent.Tests.Support;
using static TorchSharp.torch;

namespace StockAgent.Tests.Experiments;

/// <summary>Phase 3 end to end on ../shared/data/market: a model with a run record on that market (its weights are
/// untrained: this checks the protocol, not the agent) against every baseline on the three default test sets.</summary>
[Collection(TorchCollection.Name)]
public class SharedMarketEvaluationTests
{
    [SharedMarketFact]
    public void RealMarket_ModelAndBaselines_OnTheTestPeriodAndTheHeldOutSymbols()
    {
        using var dir = new TempFolder();
        var context = ExperimentContext.Load(new ExperimentSettings { DataDirectory = RepoPaths.SharedMarket, SplitFile = Path.Combine(RepoPaths.Root, "data/config/splits/default.yaml") });
        var run = dir.Combine("rl_sft_run_test");
        int inputs = MarketObservations.Names.Count;
        manual_seed(3);
        var spec = new PolicyNetworkSpec { Inputs = inputs, Hidden = [16], Actions = 3 };
        using (var policy = new NeuralPolicy(new PolicyNetwork(spec), new NeuralPolicyMetadata(spec, [0, 0.5, 1], [.. MarketObservations.Names],
                   FeatureNormalizer.Identity(inputs), "sft", "test", DateTimeOffset.UnixEpoch)))
            policy.Save(Path.Combine(run, "models", "best"));
        new RunRecord { Algorithm = "sft", Created = DateTimeOffset.UnixEpoch, Data = context.Data, Split = context.Resolved, Seed = 3 }.Save(run);

        var report = EvaluationRun.Run(context, new EvaluationSettings { Models = [run], Resamples = 200, Slices = false });

        Assert.Equal(3, report.Sets.Count);
        Assert.Equal(context.Resolved.TrainingSymbols.Count, report.Sets[0].Set.Symbols.Count);
        Assert.Equal(context.Resolved.HeldOutSymbols, report.Sets[1].Set.Symbols);
        Assert.InRange(report.Sets[0].Scores[0].Statistics.Observations, 85, 95); // the last 90 trading days
        foreach (var set in report.Sets)
        {
            Assert.Equal(["rl_sft_run_test/best", EvaluationRun.EqualWeightBuyAndHold, EvaluationRun.SmaCrossover, EvaluationRun.Random, "SPY buy-and-hold"],
                set.Scores.Select(s => s.Name));
            Assert.All(set.Scores, s => Assert.True(double.IsFinite(s.Statistics.TotalReturn), s.Name));
            Assert.All(set.Scores, s => Assert.False(s.InSample));
        }
    }
}
