using System.Text.Json;
using StockAgent.Agents;
using StockAgent.Experience;
using StockAgent.Experiments;
using StockAgent.Market;
using StockAgent.Training;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Experiments;

/// <summary>The experiment API that the CLI, the notebooks and the pipeline share: context, collection, training sessions
/// (SFT through the same loop as RL), run records and the market guard.</summary>
[Collection(TorchCollection.Name)]
public class ExperimentApiTests
{
    private static ExperimentSettings Small(int marketSeed = 5, bool explicitData = false) => new()
    {
        Synthetic = new SyntheticMarketOptions { Symbols = 8, Sectors = 2, Years = 3, Seed = marketSeed, SignalStrength = 1.0 },
        ExplicitData = explicitData,
    };

    private static readonly SftOptions TinySft = new() { Epochs = 3, Hidden = [16], LoraRank = 4, Seed = 3, ValidateEvery = 1, CheckpointEvery = 2, Patience = 5 };

    [Fact]
    public void Context_RestrictsAggregatesToTrainingSymbols_AndCarriesTheDataIdentity()
    {
        var context = ExperimentContext.Load(Small());
        Assert.Equal(context.Resolved.TrainingSymbols.Order(), context.Market.IndexMembers!.Order());
        Assert.Equal("synthetic", context.Data.Kind);
        Assert.Equal(5, context.Data.MarketSeed);
        Assert.Equal(context.Calendar[0], context.Data.FirstDate);
        Assert.Equal(8, context.Data.Symbols.Count);
        Assert.Equal(context.Data.Fingerprint, ExperimentContext.Load(Small()).Data.Fingerprint);
        Assert.NotEqual(context.Data.Fingerprint, ExperimentContext.Load(Small(marketSeed: 6)).Data.Fingerprint);
    }

    [Fact]
    public void Fingerprint_ChangesWithAnyPrice()
    {
        var market = SyntheticMarket.Generate(new SyntheticMarketOptions { Symbols = 3, Sectors = 1, Years = 1 });
        var s = market.Series.Values.First();
        var close = s.Close.ToArray();
        close[^1] *= 1.0000001;
        var changed = market with { Series = market.Series.ToDictionary(kv => kv.Key, kv => kv.Key == s.Symbol
            ? new PriceSeries(s.Symbol, s.Dates, s.Open, s.High, s.Low, close, s.Volume) : kv.Value) };
        Assert.NotEqual(MarketFingerprint.Of(market), MarketFingerprint.Of(changed));
        Assert.Equal(MarketFingerprint.Of(market), MarketFingerprint.Of(market with { Source = "elsewhere" }));
    }

    [Fact]
    public void SftSession_RunsTheSameLoopAsRl_WithValidationBestCheckpointsAndRunRecord()
    {
        using var dir = new TempFolder();
        var context = ExperimentContext.Load(Small());
        var logs = new List<RlIterationLog>();
        TrainingSessionResult result;
        using (var session = TrainingSession.Create(context, TinySft, new TrainingSessionSettings { OutputRoot = dir.Path, Command = "stockagent train --algorithm sft" }))
            result = session.Run(onIteration: logs.Add);

        Assert.Equal([1, 2, 3], logs.Select(l => l.Iteration));
        Assert.All(logs, l => Assert.NotNull(l.ValidationSharpe));
        Assert.Equal(logs.Max(l => l.ValidationSharpe), result.BestValidationSharpe);
        foreach (var m in new[] { "best", "final", "checkpoint_0002" })
            Assert.True(File.Exists(Path.Combine(result.RunDirectory, "models", m, NeuralPolicy.MetadataFile)), m);
        Assert.Equal("sft", ResumeState.TryLoad(Path.Combine(result.RunDirectory, "models", "checkpoint_0002"))!.Algorithm);
        Assert.Equal(Path.Combine(result.RunDirectory, "models", "best"), result.BestModel);
        Assert.NotNull(result.Sft);
        Assert.True(double.IsFinite(result.BuyAndHoldValidationSharpe));

        var record = RunRecord.TryLoad(result.RunDirectory)!;
        Assert.Equal("sft", record.Algorithm);
        Assert.Equal(context.Data, record.Data with { Symbols = context.Data.Symbols });
        Assert.Equal(context.Data.Symbols, record.Data.Symbols);
        Assert.Equal(context.Resolved.TrainEnd, record.Split.TrainEnd);
        Assert.Equal(context.Resolved.HeldOutSymbols, record.Split.HeldOutSymbols);
        Assert.Equal(3, record.Seed);
        Assert.Equal("stockagent train --algorithm sft", record.Command);
        Assert.StartsWith("git:", record.CodeVersion);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.RunDirectory, RunRecord.FileName)));
        Assert.Equal(context.Data.Fingerprint, json.RootElement.GetProperty("data").GetProperty("fingerprint").GetString());
        Assert.Equal(record, RunRecord.ForModel(result.BestModel)! with { Data = record.Data, Split = record.Split });
    }

    [Fact]
    public void RlSession_FromARunFolder_UsesItsBestModel_AndRefusesAnotherMarket()
    {
        using var dir = new TempFolder();
        var context = ExperimentContext.Load(Small());
        string sftRun;
        using (var session = TrainingSession.Create(context, TinySft with { Epochs = 1 }, new TrainingSessionSettings { OutputRoot = dir.Path }))
            sftRun = session.Run().RunDirectory;

        var messages = new List<string>();
        var grpo = new GrpoOptions { Iterations = 2, GroupsPerIteration = 4, GroupSize = 4, Epochs = 1, ValidateEvery = 1 };
        TrainingSessionResult result;
        using (var session = TrainingSession.Create(context, grpo, new TrainingSessionSettings { OutputRoot = dir.Path, InitFrom = sftRun }, messages.Add))
            result = session.Run();
        Assert.Contains(messages, m => m.Contains("is a run folder: using its best model"));
        Assert.Equal(Path.GetFullPath(Path.Combine(sftRun, "models", "best")), RunRecord.TryLoad(result.RunDirectory)!.InitFrom);
        Assert.Equal(2, result.Iterations);

        // The same model on a market it never saw: refused, unless that market is named on purpose (then a warning).
        var other = ExperimentContext.Load(Small(marketSeed: 99));
        var ex = Assert.Throws<InvalidDataException>(() => TrainingSession.Create(other, grpo, new TrainingSessionSettings { OutputRoot = dir.Path, InitFrom = sftRun }));
        Assert.Contains("was trained on synthetic(seed=5", ex.Message);
        Assert.Contains("not on synthetic(seed=99", ex.Message);
        var warned = new List<string>();
        using (TrainingSession.Create(ExperimentContext.Load(Small(marketSeed: 99, explicitData: true)), grpo, new TrainingSessionSettings { OutputRoot = dir.Path, InitFrom = sftRun }, warned.Add)) { }
        Assert.Contains(warned, m => m.StartsWith("warning: model") && m.Contains("seed=5") && m.Contains("seed=99"));
        Assert.Throws<InvalidDataException>(() => CollectionRun.Load("model:" + sftRun, other));
        Assert.Equal(2, Directory.GetDirectories(dir.Path).Length); // refused sessions made no run folder
    }

    [Fact]
    public void Collection_RoundsUpToWholeGroups_AndSaysSo()
    {
        using var dir = new TempFolder();
        var context = ExperimentContext.Load(Small());
        var messages = new List<string>();
        var result = CollectionRun.Run(context, new CollectionSettings { BatchSize = 10, GroupSize = 3, Batches = 2, Library = dir.Combine("lib.db") }, log: messages.Add);
        Assert.Equal([12, 12], result.Batches.Select(b => b.Trajectories));
        Assert.Contains("batch size 10 rounded up to 12: whole groups of 3 episodes from one start state", messages);
        Assert.Equal(24, result.Stats.Trajectories);
        Assert.NotEqual(result.Batches[0].Seed, result.Batches[1].Seed);
    }

    [Theory]
    [InlineData(0, 1, "batch size must be between 1 and 100,000 (got 0)")]
    [InlineData(int.MaxValue, 1, "batch size must be between 1 and 100,000 (got 2,147,483,647)")]
    [InlineData(10, 0, "batches must be between 1")]
    public void Collection_OutOfRange_NamesItsParameter(int batchSize, int batches, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => new CollectionSettings { BatchSize = batchSize, Batches = batches }.Validate());
        Assert.Contains(expected, ex.Message);
        Assert.DoesNotContain("--", ex.Message);
    }
}
