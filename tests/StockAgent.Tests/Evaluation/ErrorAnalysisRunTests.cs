using StockAgent.Evaluation;
using StockAgent.Experience;
using StockAgent.Experiments;
using StockAgent.Market;
using StockAgent.Training;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Evaluation;

/// <summary>The experiment-level error analysis: default out-of-sample sets, the in-sample guard for trained models,
/// and corrective trajectories on the failing slices drawn from the training period and symbols only.</summary>
[Collection(TorchCollection.Name)]
public class ErrorAnalysisRunTests
{
    private static ExperimentContext Small() => ExperimentContext.Load(new ExperimentSettings
    {
        Synthetic = new SyntheticMarketOptions { Symbols = 8, Sectors = 2, Years = 3, Seed = 5, SignalStrength = 1.0 },
    });

    [Fact]
    public void Run_DefaultSets_AreTheTestPeriodOnTrainingAndHeldOutSymbols()
    {
        var context = Small();
        var r = ErrorAnalysisRun.Run(context, new ErrorAnalysisSettings { Model = "random" });
        Assert.Equal(["test period", "held-out symbols, test period"], r.Sets.Select(s => s.Name));
        Assert.All(r.Sets, s => Assert.Equal(context.Resolved.TestStart, s.From));
        Assert.Equal(context.Resolved.TrainingSymbols.Count + context.Resolved.HeldOutSymbols.Count, r.Backtests);
        Assert.True(r.TradeCount > 0 && r.TotalPnl < 0, $"random pays costs: {r.TradeCount} trades, {r.TotalPnl}");
        Assert.All(r.Trades, t => Assert.True(t.EntryDate >= context.Resolved.TestStart));

        var limited = ErrorAnalysisRun.Run(context, new ErrorAnalysisSettings { Model = "random", TestDays = 30, To = context.Calendar[^5] });
        Assert.Equal(context.Calendar[^30], limited.From);
        Assert.Equal(context.Calendar[^5], limited.To);
        var empty = Assert.Throws<ArgumentException>(() => ErrorAnalysisRun.Run(context, new ErrorAnalysisSettings { Model = "random", From = context.Calendar[^1].AddDays(30) }));
        Assert.Contains("has no day in", empty.Message);
    }

    [Fact]
    public void Corrective_FlaggedOnFailingSlices_FromTrainingDatesAndSymbolsOnly()
    {
        using var dir = new TempFolder();
        var context = Small();
        var messages = new List<string>();
        var r = ErrorAnalysisRun.Run(context, new ErrorAnalysisSettings { Model = "random", Corrective = 40, CorrectiveWindow = 20, Library = dir.Combine("lib.db") }, messages.Add);

        var corrective = r.Corrective!;
        Assert.NotEmpty(r.FailingSlices);
        Assert.Equal(40, corrective.Trajectories);
        Assert.NotNull(corrective.BatchId);
        Assert.Contains(messages, m => m.Contains("stored 40 corrective trajectories"));
        var slices = corrective.Slices.Select(s => (s.Regime, s.Sector)).ToHashSet();
        var library = ExperienceLibrary.Open(dir.Combine("lib.db"), readOnly: true);
        var stored = library.Query(new TrajectoryQuery { Corrective = true });
        Assert.Equal(40, stored.Count);
        var split = context.Resolved;
        foreach (var t in stored)
        {
            var m = t.Metadata;
            Assert.Contains(TrajectoryQuery.CorrectiveFlag, m.QualityFlags.Split(','));
            Assert.Contains(m.Symbol, split.TrainingSymbols);
            Assert.DoesNotContain(m.Symbol, split.HeldOutSymbols);
            Assert.True(split.AllowsTraining(m.Symbol, m.Start, m.End), $"{m.Symbol} {m.Start}..{m.End} outside training {split.TrainStart}..{split.TrainEnd}");
            Assert.True(m.End < split.TestStart);
            Assert.Contains((m.Regime, m.Sector), slices);
            Assert.Equal(corrective.BatchId, m.BatchId);
        }
        Assert.Equal(40, library.Stats().Corrective);
        library.Dispose();

        // An ordinary batch is not corrective, and the query can leave corrective trajectories out.
        CollectionRun.Run(context, new CollectionSettings { BatchSize = 10, Batches = 1, Library = dir.Combine("lib.db") });
        using var reopened = ExperienceLibrary.Open(dir.Combine("lib.db"), readOnly: true);
        library = reopened;
        Assert.Equal(10, library.Count(new TrajectoryQuery { Corrective = false }));
        Assert.Equal(40, library.Count(new TrajectoryQuery { Corrective = true }));
        Assert.Equal(40, library.Stats().Corrective);
    }

    [Fact]
    public void Sampler_Slices_KeepOnlyThosePairs()
    {
        var context = Small();
        var all = new EpisodeSampler(context.Market, context.Resolved, new SamplerOptions { Window = 20 });
        var regime = MarketRegime.Parse(all.CandidatesPerRegime.OrderByDescending(kv => kv.Value).First().Key);
        var sector = context.Market.SectorOf(context.Resolved.TrainingSymbols[0]);
        var sampler = new EpisodeSampler(context.Market, context.Resolved, new SamplerOptions { Window = 20, Slices = [(regime, sector)] });
        Assert.Equal([regime.ToString()], sampler.CandidatesPerRegime.Keys);
        foreach (var e in sampler.Sample(50, 3))
        {
            var s = context.Market[e.Symbol];
            Assert.Equal(sector, context.Market.SectorOf(e.Symbol));
            Assert.Equal(regime, RegimeLabeler.Label(s, e.StartBar, e.StartBar + e.Steps));
            Assert.True(s.Dates[e.StartBar + e.Steps] <= context.Resolved.TrainEnd);
        }
        var none = Assert.Throws<ArgumentException>(() => new EpisodeSampler(context.Market, context.Resolved, new SamplerOptions { Window = 20, Slices = [(regime, "NoSuchSector")] }));
        Assert.Contains("fall in the slices", none.Message);
    }

    [Fact]
    public void Run_TrainedModel_GuardedAgainstItsTrainingData()
    {
        using var dir = new TempFolder();
        var context = Small();
        string run;
        using (var session = TrainingSession.Create(context, new SftOptions { Epochs = 1, Hidden = [16], LoraRank = 4, Seed = 3, ValidateEvery = 1 }, new TrainingSessionSettings { OutputRoot = dir.Path }))
            run = session.Run().RunDirectory;

        var messages = new List<string>();
        var r = ErrorAnalysisRun.Run(context, new ErrorAnalysisSettings { Model = "model:" + run }, messages.Add);
        Assert.Equal("neural-sft", r.PolicyId);
        Assert.True(messages.Any(m => m.Contains("test period:") && m.Contains(TestSet.OutOfTime)), string.Join("\n", messages));
        messages.Clear();
        var inSample = Assert.Throws<InvalidDataException>(() => ErrorAnalysisRun.Run(context, new ErrorAnalysisSettings { Model = "model:" + run, TestDays = context.Calendar.Count }, messages.Add));
        Assert.Contains("overlaps the training data", inSample.Message);
        Assert.Empty(messages); // refused before the policy was loaded
        Assert.Throws<InvalidDataException>(() => ErrorAnalysisRun.Run(context, new ErrorAnalysisSettings { Model = "model:" + run, TestDays = context.Calendar.Count }));
    }
}
