using System.Text.Json.Nodes;
using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Evaluation;
using StockAgent.Experiments;
using StockAgent.Features;
using StockAgent.Market;
using StockAgent.Training;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Portfolio;

/// <summary>A small market in a CSV folder, a portfolio-level SFT run on it (top-3 of the training symbols) and a short
/// GRPO run from it on portfolio episodes, shared by the portfolio training and evaluation tests.</summary>
public sealed class PortfolioRuns : IDisposable
{
    private readonly TempFolder _dir = new();

    public PortfolioRuns()
    {
        var market = SyntheticMarket.Generate(new SyntheticMarketOptions { Symbols = 10, Sectors = 2, Years = 3, Seed = 5, CrossSectionalReversal = 1 });
        MarketCsvWriter.WriteMarket(Data, market);
        Context = ExperimentContext.Load(new ExperimentSettings { DataDirectory = Data });
        var sft = TrainingConfig.Load<SftOptions>(null, ["level=portfolio", "top_k=3", "sft_epochs=2", "hidden=[16]", "lora_rank=4", "seed=3", "validate_every=1", "patience=5"]);
        using (var session = TrainingSession.Create(Context, sft, new TrainingSessionSettings { OutputRoot = Runs }))
            Sft = session.Run();
        var grpo = TrainingConfig.Load<GrpoOptions>(null, ["num_iterations=2", "batch_size=2", "group_size=3", "window=20", "reward=sharpe", "validate_every=1", "seed=3"]);
        using (var session = TrainingSession.Create(Context, grpo, new TrainingSessionSettings { OutputRoot = Runs, InitFrom = Sft.RunDirectory }, GrpoLog.Add))
            Grpo = session.Run(onIteration: Iterations.Add);
    }

    public string Data => Path.Combine(_dir.Path, "market");
    public string Runs => Path.Combine(_dir.Path, "runs");
    public ExperimentContext Context { get; }
    public TrainingSessionResult Sft { get; }
    public TrainingSessionResult Grpo { get; }
    public List<string> GrpoLog { get; } = [];
    public List<RlIterationLog> Iterations { get; } = [];

    public void Dispose() => _dir.Dispose();
}

[Collection(TorchCollection.Name)]
public class PortfolioTrainingTests(PortfolioRuns runs) : IClassFixture<PortfolioRuns>
{
    private static readonly PortfolioWeighting TopThree = new() { TopK = 3 };

    [Fact]
    public void SftKeys_BindFromSetOverrides_AndBadValuesNameTheKey()
    {
        var o = TrainingConfig.Load<SftOptions>(null, ["level=portfolio", "weighting=softmax", "top_k=7", "temperature=0.25", "long_short=true"]);
        Assert.Equal(new PortfolioWeighting { Scheme = "softmax", TopK = 7, Temperature = 0.25, LongShort = true }, o.PortfolioWeighting);
        Assert.Null(TrainingConfig.Load<SftOptions>(null, ["weighting=softmax"]).PortfolioWeighting); // symbol level by default
        Assert.Contains("--set level=book", Assert.Throws<InvalidDataException>(() => TrainingConfig.Load<SftOptions>(null, ["level=book"])).Message);
        Assert.Contains("--set weighting=best", Assert.Throws<InvalidDataException>(() => TrainingConfig.Load<SftOptions>(null, ["weighting=best"])).Message);
        Assert.Contains("long_short takes true or false", Assert.Throws<InvalidDataException>(() => TrainingConfig.Load<SftOptions>(null, ["long_short=yes"])).Message);
        Assert.Contains("top_k", Assert.Throws<InvalidDataException>(() => TrainingConfig.Load<SftOptions>(null, ["top_k=0"])).Message);
        Assert.Contains("teacher", Assert.Throws<InvalidDataException>(() => TrainingConfig.Load<SftOptions>(null, ["level=portfolio", "teacher=sma-crossover"])).Message);
    }

    [Fact]
    public void CrossSectionalLabels_RankTheMembersEachDay_BestGetsTheLargestExposure()
    {
        // Day 0 -> 1 returns: A +10%, B 0%, C -5%, D 0% (B and D tie: ranks 1 and 2 share 1.5, p = 1.5 / 3 = 0.5).
        var a = SeriesBuilder.FromCloses("A", [100, 110, 100]);
        var b = SeriesBuilder.FromCloses("B", [100, 100, 120]);
        var c = SeriesBuilder.FromCloses("C", [100, 95, 90]);
        var d = SeriesBuilder.FromCloses("D", [100, 100, 101]);
        var market = new MarketData([new("A", "A", "X"), new("B", "B", "X"), new("C", "C", "X"), new("D", "D", "X")],
            new Dictionary<string, PriceSeries> { ["A"] = a, ["B"] = b, ["C"] = c, ["D"] = d }, null, "test");
        var labels = CrossSectionalLabels.Compute(market, ["A", "B", "C", "D"], ActionSpace.LongOnly, 1);
        // Day 0: C worst (p = 0 -> exposure 0), B and D p = 0.5 (-> 0.5), A best (p = 1 -> 1).
        // Day 1 -> 2: A -9.1% (p = 0 -> 0), C -5.3% (p = 1/3, nearest 0.5), D +1% (p = 2/3, nearest 0.5), B +20% (p = 1 -> 1).
        Assert.Equal([2, 0, -1], labels["A"]);
        Assert.Equal([1, 2, -1], labels["B"]);
        Assert.Equal([0, 1, -1], labels["C"]);
        Assert.Equal([1, 1, -1], labels["D"]);
        // Labels never reach past 'to': with the last day cut, day 1 has no label.
        var cut = CrossSectionalLabels.Compute(market, ["A", "B", "C", "D"], ActionSpace.LongOnly, 1, a.Dates[1]);
        Assert.Equal([2, -1, -1], cut["A"]);
    }

    [Fact]
    public void PortfolioSft_SavesItsWeighting_AndValidatesByThePortfolioSharpe()
    {
        using var model = NeuralPolicy.Load(runs.Sft.BestModel, greedy: true);
        Assert.Equal(TopThree, model.Metadata.Portfolio);
        var split = runs.Context.Resolved;
        var (from, to) = (split.ValidationStart!.Value, split.ValidationEnd!.Value);
        double expected = PolicyValidation.PortfolioSharpe(PortfolioPolicy.Of(model)!, runs.Context.Market, split.TrainingSymbols, from, to);
        Assert.True(double.IsFinite(expected));
        Assert.Equal(expected, runs.Sft.BestValidationSharpe!.Value, 9);
        Assert.Equal(PolicyValidation.EqualWeightSharpe(runs.Context.Market, split.TrainingSymbols, from, to), runs.Sft.BuyAndHoldValidationSharpe, 12);
        Assert.NotEqual(PolicyValidation.MeanSharpe(model, runs.Context.Market, split.TrainingSymbols, from, to), expected);
    }

    [Fact]
    public void ModelJsonWithoutPortfolio_LoadsAsASymbolLevelModel()
    {
        using var dir = new TempFolder();
        foreach (var f in Directory.GetFiles(runs.Sft.BestModel)) File.Copy(f, Path.Combine(dir.Path, Path.GetFileName(f)));
        var json = Path.Combine(dir.Path, NeuralPolicy.MetadataFile);
        var node = JsonNode.Parse(File.ReadAllText(json))!.AsObject();
        Assert.True(node.Remove("Portfolio"));
        File.WriteAllText(json, node.ToJsonString());
        using var old = NeuralPolicy.Load(dir.Path);
        Assert.Null(old.Metadata.Portfolio);
        Assert.Null(PortfolioPolicy.Of(old));
    }

    [Fact]
    public void PortfolioGrpo_RollsOutPortfolioEpisodes_LogsMeaningfully_AndKeepsTheWeighting()
    {
        Assert.Contains(runs.GrpoLog, l => l.Contains("not appended to the experience library", StringComparison.Ordinal));
        Assert.Equal(2, runs.Iterations.Count);
        foreach (var log in runs.Iterations)
        {
            Assert.Equal(6, log.Trajectories); // batch_size x group_size portfolio rollouts
            Assert.True(double.IsFinite(log.RewardMean) && log.RewardStd > 0, $"reward {log.RewardMean} ± {log.RewardStd}");
            Assert.True(double.IsFinite(log.Kl) && log.Kl >= 0, $"kl {log.Kl}");
            Assert.InRange(log.ZeroSpreadShare, 0, 1);
            Assert.InRange(log.ClipFraction, 0, 1);
        }
        Assert.True(runs.Iterations[^1].Kl > 0, "the adapters did not move");
        using var model = NeuralPolicy.Load(runs.Grpo.FinalModel);
        Assert.Equal(TopThree, model.Metadata.Portfolio);
        Assert.Equal("grpo", model.Metadata.Algorithm);
    }

    [Fact]
    public void PortfolioModel_RefusesPpoAndOfflineTraining_NamingWhy()
    {
        var ppo = Assert.Throws<ArgumentException>(() => TrainingSession.Create(runs.Context, new PpoOptions(),
            new TrainingSessionSettings { OutputRoot = runs.Runs, InitFrom = runs.Sft.RunDirectory }));
        Assert.Contains("portfolio-level model", ppo.Message);
        var sft = Assert.Throws<ArgumentException>(() => TrainingSession.Create(runs.Context, new SftOptions { Level = SftOptions.PortfolioLevel },
            new TrainingSessionSettings { OutputRoot = runs.Runs, NumTrajectories = 10, Library = Path.Combine(runs.Sft.BestModel, NeuralPolicy.MetadataFile) }));
        Assert.Contains("cross-sectional", sft.Message);
    }

    [Fact]
    public void Evaluate_BacktestsAPortfolioModelAsAPortfolio_WithTheSameStatisticsAsEveryCandidate()
    {
        var settings = new EvaluationSettings { Models = [runs.Grpo.BestModel], Resamples = 300, Seed = 11 };
        var report = EvaluationRun.Run(runs.Context, settings);
        using var model = NeuralPolicy.Load(runs.Grpo.BestModel, greedy: true);
        foreach (var set in report.Sets)
        {
            var score = set.Scores[0];
            Assert.Equal("model", score.Kind);
            Assert.Equal(set.Set.Symbols.Count, score.Symbols);
            Assert.True(double.IsFinite(score.Statistics.Sharpe));
            Assert.NotNull(score.Statistics.SharpeDifference);
            var expected = PolicyTester.Run(score.Name, "model", PortfolioPolicy.Of(model)!, runs.Context.Market, set.Set, settings.Backtest, settings.Seed);
            Assert.Equal(expected.Returns.Returns, score.Returns!.Returns);
            // Not the sleeve run of the same network (one decision per symbol), which PolicyTester never makes of a portfolio model.
            var sleeves = MarketBacktest.Run((IPolicy)model, runs.Context.Market,
                new PortfolioOptions { Backtest = settings.Backtest, From = set.Set.From, To = set.Set.To }, set.Set.Symbols, settings.Seed, MarketObservations.Of(runs.Context.Market));
            var perSymbol = PolicyTester.Returns(sleeves, runs.Context.Market);
            Assert.NotEqual(perSymbol.Returns, score.Returns.Returns);
            Assert.Equal(expected.Returns.Returns, PolicyTester.Run(score.Name, "model", (IPolicy)model, runs.Context.Market, set.Set, settings.Backtest, settings.Seed).Returns.Returns);
        }
    }

    [Fact]
    public void ValidationCheck_ScoresAPortfolioModelAsAPortfolio_AsEvaluateDoesOnTheValidationPeriod()
    {
        // The pipeline and the sweep choose models with ValidationCheck: a portfolio model must be scored as the portfolio it is.
        var metrics = ValidationCheck.Of(runs.Context, runs.Grpo.BestModel);
        var report = EvaluationRun.Run(runs.Context, new EvaluationSettings { Models = [runs.Grpo.BestModel], Resamples = 100, ValidationPeriod = true });
        var score = report.Sets.Single().Scores[0];
        Assert.Equal(score.Statistics.Sharpe, metrics.Sharpe, 9);
        Assert.Equal(score.Statistics.Trades, metrics.Trades);
    }
}
