using StockAgent.Agents;
using StockAgent.Experiments;
using StockAgent.Features;
using StockAgent.Training;
using StockAgent.Tests.Support;
using static TorchSharp.torch;

namespace StockAgent.Tests.Experiments;

/// <summary>Phase 3 end to end on ../shared/data/market: a model trained there (one small SFT epoch: this checks the
/// protocol, not the agent) against every baseline on the three default test sets.</summary>
[Collection(TorchCollection.Name)]
public class SharedMarketEvaluationTests
{
    [SharedMarketFact]
    public void RealMarket_ModelAndBaselines_OnTheTestPeriodAndTheHeldOutSymbols()
    {
        using var dir = new TempFolder();
        var context = ExperimentContext.Load(new ExperimentSettings { DataDirectory = RepoPaths.SharedMarket, SplitFile = Path.Combine(RepoPaths.Root, "data/config/splits/default.yaml") });
        string model;
        using (var session = TrainingSession.Create(context, new SftOptions { Epochs = 1, Hidden = [16], Seed = 3, ValidateEvery = 1, CheckpointEvery = 1 },
                   new TrainingSessionSettings { OutputRoot = dir.Path }))
            model = session.Run().BestModel;
        var run = Path.GetDirectoryName(Path.GetDirectoryName(model))!;

        var report = EvaluationRun.Run(context, new EvaluationSettings { Models = [run], Resamples = 200, Slices = false });

        Assert.Equal(3, report.Sets.Count);
        Assert.Equal(context.Resolved.TrainingSymbols.Count, report.Sets[0].Set.Symbols.Count);
        Assert.Equal(context.Resolved.HeldOutSymbols, report.Sets[1].Set.Symbols);
        Assert.InRange(report.Sets[0].Scores[0].Statistics.Observations, 85, 95); // the last 90 trading days
        Assert.Null(report.Trials); // one registered run: no DSR yet, and the report says why
        Assert.NotNull(report.Registry);
        Assert.Contains(report.Notes, n => n.Contains("needs at least two"));
        foreach (var set in report.Sets)
        {
            Assert.Equal([Path.GetFileName(run) + "/best", EvaluationRun.EqualWeightBuyAndHold, EvaluationRun.SmaCrossover, EvaluationRun.Random, "SPY buy-and-hold"],
                set.Scores.Select(s => s.Name));
            Assert.All(set.Scores, s => Assert.True(double.IsFinite(s.Statistics.TotalReturn), s.Name));
            Assert.All(set.Scores, s => Assert.False(s.InSample));
        }
    }
}
