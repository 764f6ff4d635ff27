using System.Text.Json;
using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Evaluation;
using StockAgent.Experiments;
using StockAgent.Market;
using StockAgent.Statistics;
using StockAgent.Training;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Experiments;

/// <summary>A small market in a CSV folder and two tiny SFT runs trained on it (so the registry holds two trials),
/// shared by the evaluation tests.</summary>
public sealed class EvaluatedRuns : IDisposable
{
    private readonly TempFolder _dir = new();

    public EvaluatedRuns()
    {
        var market = SyntheticMarket.Generate(new SyntheticMarketOptions { Symbols = 8, Sectors = 2, Years = 3, Seed = 5, SignalStrength = 1.0 });
        MarketCsvWriter.WriteMarket(Data, market);
        Context = ExperimentContext.Load(Settings);
        foreach (int seed in new[] { 3, 4 })
        {
            var options = new SftOptions { Epochs = 2, Hidden = [16], LoraRank = 4, Seed = seed, ValidateEvery = 1, CheckpointEvery = 10, Patience = 5 };
            using var session = TrainingSession.Create(Context, options, new TrainingSessionSettings { OutputRoot = Runs });
            Models.Add(session.Run().BestModel);
        }
    }

    public string Data => Path.Combine(_dir.Path, "market");

    public string Runs => Path.Combine(_dir.Path, "runs");

    public ExperimentSettings Settings => new() { DataDirectory = Data };

    public ExperimentContext Context { get; }

    public List<string> Models { get; } = [];

    public string Folder => _dir.Path;

    public void Dispose() => _dir.Dispose();
}

[Collection(TorchCollection.Name)]
public class EvaluationRunTests(EvaluatedRuns runs) : IClassFixture<EvaluatedRuns>
{
    private EvaluationSettings Quick(params string[] models) => new() { Models = models, Resamples = 300, Seed = 11 };

    [Fact]
    public void DefaultTestSets_ScoreTheModelAndEveryBaseline_OutOfSample()
    {
        var report = EvaluationRun.Run(runs.Context, Quick(runs.Models[0]));

        Assert.Equal(["test period", "held-out symbols, test period", "held-out symbols, whole history"], report.Sets.Select(s => s.Set.Name));
        var split = runs.Context.Resolved;
        Assert.Equal(split.TrainingSymbols, report.Sets[0].Set.Symbols);
        Assert.Equal(split.HeldOutSymbols, report.Sets[1].Set.Symbols);
        Assert.Equal(split.TestStart, report.Sets[0].Set.From);
        foreach (var set in report.Sets)
        {
            Assert.Equal(["model", "baseline", "baseline", "baseline", "benchmark"], set.Scores.Select(s => s.Kind));
            Assert.Contains(EvaluationRun.SmaCrossover, set.Scores.Select(s => s.Name));
            Assert.All(set.Scores, s => Assert.False(s.InSample));
            Assert.Single(set.Guard);
            var model = set.Scores[0];
            Assert.True(double.IsFinite(model.Statistics.Sharpe));
            Assert.True(model.Statistics.Ci95.Sharpe.Low <= model.Statistics.Ci95.Sharpe.High);
            Assert.NotNull(model.Statistics.SharpeDifference); // against the benchmark
            Assert.NotNull(model.Statistics.RandomTiming);
        }
        Assert.Equal(TestSet.OutOfSymbolInTime, report.Sets[2].Scores[0].Label);
        Assert.Contains(report.Sets[2].Scores[0].Slices, r => r.Grouping == "regime");
        Assert.Contains(report.Sets[2].Scores[0].Slices, r => r.Grouping == "sector");
    }

    [Fact]
    public void ScoresAreThePortfoliosOwnNumbers_AndTheSameSeedGivesTheSameReport()
    {
        var settings = Quick(runs.Models[0]) with { Slices = false };
        var report = EvaluationRun.Run(runs.Context, settings);
        var set = report.Sets[0].Set;

        var direct = PolicyTester.Run("b&h", "baseline", new BuyAndHoldPolicy(), runs.Context.Market, set, settings.Backtest);
        var equity = direct.Backtest.Portfolio.Equity;
        var row = report.Sets[0].Scores.Single(s => s.Name == EvaluationRun.EqualWeightBuyAndHold).Statistics;
        Assert.Equal(MetricsCalculator.Sharpe(MetricsCalculator.Returns(equity)), row.Sharpe, 12);
        Assert.Equal(equity[^1] / equity[0] - 1, row.TotalReturn, 12);
        Assert.Equal(direct.Backtest.Portfolio.Trades.Count, row.Trades);

        static string Stable(EvaluationReport r) => EvaluationReportJson.Serialize(r with { Seconds = 0 });
        Assert.Equal(Stable(report), Stable(EvaluationRun.Run(runs.Context, settings)));
    }

    [Fact]
    public void InSampleRequest_IsRefusedNamingTheOverlap_OrMarkedInSampleWhenAllowed()
    {
        // A test period long enough to reach back into the training period.
        var settings = Quick(runs.Models[0]) with { TestDays = runs.Context.Calendar.Count - 100, Slices = false };

        var e = Assert.Throws<InvalidDataException>(() => EvaluationRun.Run(runs.Context, settings));
        Assert.Contains("overlaps the training data", e.Message);
        Assert.Contains("not out of sample", e.Message);

        var report = EvaluationRun.Run(runs.Context, settings with { AllowInSample = true });
        var model = report.Sets[0].Scores[0];
        Assert.True(model.InSample);
        Assert.Equal("IN-SAMPLE", model.Label);
        using var json = JsonDocument.Parse(EvaluationReportJson.Serialize(report));
        Assert.True(json.RootElement.GetProperty("test_sets")[0].GetProperty("results")[0].GetProperty("in_sample").GetBoolean());
        Assert.Contains("IN-SAMPLE", EvaluationReportCsv.Comparison(report));
    }

    [Fact]
    public void Ensemble_IsGuardedByEveryMembersRecord()
    {
        var spec = $"ensemble:{runs.Models[0]},{runs.Models[1]}";
        var report = EvaluationRun.Run(runs.Context, Quick(spec) with { Slices = false });
        var ensemble = report.Sets[0].Scores[0];
        Assert.Equal("ensemble", ensemble.Kind);
        Assert.Equal(TestSet.OutOfTime, ensemble.Label);
        Assert.Single(report.Sets[0].Guard);

        var inSample = Quick(spec) with { TestDays = runs.Context.Calendar.Count - 100, Slices = false };
        Assert.Contains("overlaps the training data", Assert.Throws<InvalidDataException>(() => EvaluationRun.Run(runs.Context, inSample)).Message);
    }

    [Fact]
    public void TestDays_SetsTheOutOfTimeWindow()
    {
        var report = EvaluationRun.Run(runs.Context, Quick(runs.Models[0]) with { TestDays = 30, Slices = false });
        Assert.Equal(runs.Context.Calendar[^30], report.Sets[0].Set.From);
        Assert.Equal(29, report.Sets[0].Scores[0].Statistics.Observations); // 30 days give 29 daily returns
    }

    [Fact]
    public void DeflatedSharpe_CountsTheRegisteredTrainingRuns()
    {
        var report = EvaluationRun.Run(runs.Context, Quick(runs.Models[0]) with { Slices = false });
        Assert.NotNull(report.Trials);
        Assert.Equal(2, report.Trials!.Trials);
        var model = report.Sets[0].Scores[0].Statistics;
        Assert.Equal(2, model.Deflation!.Trials);
        Assert.InRange(model.Dsr, 0, 1);
        Assert.True(model.Dsr <= model.Psr + 1e-12, $"DSR {model.Dsr} > PSR {model.Psr}"); // the expected maximum of 2 trials is >= 0
    }

    [Fact]
    public void AnotherMarket_IsOneTestSet_CheckedByTheGuard_AnUnseenUniverseIsOutOfSymbol()
    {
        // Same symbol names on overlapping dates are the same data to the guard: refused.
        var overlapping = ExperimentContext.Load(new ExperimentSettings
        {
            Synthetic = new SyntheticMarketOptions { Symbols = 6, Sectors = 2, Years = 2, Seed = 9 },
            ExplicitData = true,
        });
        Assert.Contains("overlaps the training data", Assert.Throws<InvalidDataException>(() =>
            EvaluationRun.Run(overlapping, Quick(runs.Models[0]) with { Slices = false })).Message);

        // Other symbols (an unseen universe) over the same years: scored, out of symbol.
        using var dir = new TempFolder();
        var market = SyntheticMarket.Generate(new SyntheticMarketOptions { Symbols = 6, Sectors = 2, Years = 2, Seed = 9 });
        foreach (var s in market.Series.Values)
            MarketCsvWriter.WriteSeries(dir.Combine("X" + s.Symbol + ".csv"), new PriceSeries("X" + s.Symbol, s.Dates, s.Open, s.High, s.Low, s.Close, s.Volume));
        var unseen = ExperimentContext.Load(new ExperimentSettings { DataDirectory = dir.Path, ExplicitData = true });
        var logs = new List<string>();
        var report = EvaluationRun.Run(unseen, Quick(runs.Models[0]) with { Slices = false }, logs.Add);

        var set = Assert.Single(report.Sets);
        Assert.StartsWith("other market:", set.Set.Name);
        Assert.Equal(6, set.Set.Symbols.Count);
        Assert.Equal(TestSet.OutOfSymbolInTime, set.Set.Kind);
        Assert.Contains(logs, l => l.StartsWith("warning:") && l.Contains("trained on"));
        Assert.Contains(report.Notes, n => n.Contains("scored as a whole"));
        Assert.True(double.IsFinite(set.Scores[0].Statistics.Sharpe));
    }

    [Fact]
    public void LaterDatesOfTheSameSymbols_AreOutOfTime_AndScored()
    {
        // The same symbols after the model's validation year: a later market folder (only its own bars, no earlier history).
        using var dir = new TempFolder();
        var after = runs.Context.Resolved.ValidationEnd!.Value;
        foreach (var s in runs.Context.Market.Series.Values.Append(runs.Context.Market.Benchmark!))
        {
            int k = s.IndexOnOrAfter(after.AddDays(1));
            MarketCsvWriter.WriteSeries(dir.Combine(s.Symbol + ".csv"), new PriceSeries(s.Symbol, s.Dates[k..], s.Open[k..], s.High[k..], s.Low[k..], s.Close[k..], s.Volume[k..]));
        }
        Assert.Throws<InvalidDataException>(() => ExperimentContext.Load(new ExperimentSettings { DataDirectory = dir.Path })); // too short to train on
        var later = ExperimentContext.Load(new ExperimentSettings { DataDirectory = dir.Path, ExplicitData = true, SplitOptional = true });
        var report = EvaluationRun.Run(later, Quick(runs.Models[0]) with { Slices = false });

        var set = Assert.Single(report.Sets);
        Assert.Equal(TestSet.OutOfTime, set.Set.Kind);
        Assert.True(set.Set.From > after);
        Assert.Equal(TestSet.OutOfTime, set.Scores[0].Label);
        Assert.True(double.IsFinite(set.Scores[0].Statistics.TotalReturn));

        var cli = CliRunner.Run("evaluate", "--models", runs.Models[0], "--data", dir.Path, "--bootstrap", "50");
        Assert.True(cli.ExitCode == 0, cli.Stderr);
        Assert.Contains("== other market:", cli.Stdout);
        Assert.Contains("(out-of-time)", cli.Stdout);
    }

    [Fact]
    public void AModelOfAnotherObservationLayout_IsOneClearLine()
    {
        using var dir = new TempFolder();
        var copy = dir.Combine("old");
        Directory.CreateDirectory(copy);
        foreach (var f in Directory.GetFiles(runs.Models[0])) File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));
        var meta = Path.Combine(copy, NeuralPolicy.MetadataFile);
        File.WriteAllText(meta, File.ReadAllText(meta).Replace("\"rsi_14\"", "\"rsi_old\""));

        var run = CliRunner.Run("evaluate", "--models", copy, "--data", runs.Data, "--bootstrap", "20");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("retrain it", run.Stderr);
        Assert.Single(run.Stderr.Trim().Split('\n'), l => l.StartsWith("error:"));
    }

    [Fact]
    public void Resolver_ExpandsGlobsAndRunFolders_AndNamesWhatMatchesNothing()
    {
        var pattern = Path.Combine(runs.Runs, "rl_sft_run_*", "models");
        var candidates = CandidateResolver.Resolve(["rl:" + pattern, "momentum"]);
        Assert.Equal(["model", "model", "baseline"], candidates.Select(c => c.Kind));
        Assert.All(candidates.Take(2), c => Assert.EndsWith("/best", c.Name));
        Assert.All(candidates.Take(2), c => Assert.NotNull(c.Run));
        Assert.Equal(runs.Models.Order(), candidates.Take(2).Select(c => c.ModelDirectory!).Order());

        Assert.Contains("matches no folder", Assert.Throws<ArgumentException>(() => CandidateResolver.Resolve([Path.Combine(runs.Folder, "nothing_*")])).Message);
        Assert.Contains("neither a baseline", Assert.Throws<ArgumentException>(() => CandidateResolver.Resolve(["no-such-model"])).Message);
        Assert.Contains("named twice", Assert.Throws<ArgumentException>(() => CandidateResolver.Resolve([runs.Models[0], runs.Models[0]])).Message);
    }

    [Fact]
    public void Cli_PrintsTheTables_WritesJsonAndCsv_AndRefusesBadInputInOneLine()
    {
        using var outDir = new TempFolder();
        var run = CliRunner.Run("evaluate", "--models", runs.Models[0], "--data", runs.Data, "--bootstrap", "200", "--out", outDir.Path);
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        Assert.Contains("== test period", run.Stdout);
        Assert.Contains("== held-out symbols, test period", run.Stdout);
        Assert.Contains(EvaluationRun.SmaCrossover, run.Stdout);
        Assert.Contains("DSR counts 2 trials", run.Stdout);
        using (var json = JsonDocument.Parse(File.ReadAllText(outDir.Combine("evaluation.json"))))
        {
            var stats = json.RootElement.GetProperty("test_sets")[0].GetProperty("results")[0].GetProperty("statistics");
            foreach (var key in new[] { "sharpe", "psr", "dsr", "win_rate", "max_drawdown", "ci95", "sharpe_difference" })
                Assert.True(stats.TryGetProperty(key, out _), key);
        }
        Assert.StartsWith(EvaluationReportCsv.ComparisonHeader, File.ReadAllText(outDir.Combine("evaluation.csv")));
        Assert.StartsWith(EvaluationReportCsv.SlicesHeader, File.ReadAllText(outDir.Combine("slices.csv")));

        var bad = CliRunner.Run("evaluate", "--models", Path.Combine(runs.Folder, "nothing_*"), "--data", runs.Data);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("matches no folder", bad.Stderr);
        Assert.Single(bad.Stderr.Trim().Split('\n'), l => l.StartsWith("error:"));

        var inSample = CliRunner.Run("evaluate", "--models", runs.Models[0], "--data", runs.Data, "--test-days", "400", "--bootstrap", "50");
        Assert.Equal(2, inSample.ExitCode);
        Assert.Contains("overlaps the training data", inSample.Stderr);

        var neither = CliRunner.Run("evaluate");
        Assert.Equal(2, neither.ExitCode);
        Assert.Contains("--models", neither.Stderr);
    }
}
