using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Experience;
using StockAgent.Experiments;
using StockAgent.Features;
using StockAgent.Market;
using StockAgent.Statistics;
using StockAgent.Training;
using TorchSharp;

namespace StockAgent.Cli.Bench;

/// <summary>The kit's hot paths; each area adds its benchmarks here.</summary>
public static class BenchmarkCatalog
{
    public static IEnumerable<IBenchmark> All(ExperimentContext context)
    {
        var market = context.Market;
        var split = context.Resolved;
        var dataDirectory = context.Settings.DataDirectory;
        var series = market.Universe.Select(u => market[u.Symbol]).ToList();
        var sma = new SmaCrossoverPolicy(50, 200);
        if (dataDirectory is not null)
            yield return new DelegateBenchmark("data: load and validate folder", "bars",
                () => MarketCsvLoader.LoadFolder(dataDirectory).Files.Sum(f => (long)f.Bars));
        yield return new DelegateBenchmark("backtest: sma-crossover, every symbol, 1 thread", "bars", () =>
        {
            long bars = 0;
            foreach (var s in series) bars += Backtester.Run(sma, s).Days;
            return bars;
        });
        yield return new DelegateBenchmark("backtest: sma-crossover portfolio", "bars", () =>
        {
            var r = PortfolioBacktester.Run(sma, series);
            return (long)r.Dates.Length * series.Count;
        });

        yield return new DelegateBenchmark("features: observations of every symbol, 1 thread", "bars", () =>
        {
            var observations = MarketObservations.Of(market with { }); // a fresh copy: nothing cached from the last run
            foreach (var symbol in market.Series.Keys) observations.For(symbol);
            return market.Series.Values.Sum(s => (long)s.Count);
        });

        var lastYears = series.Take(9).Select(s => MetricsCalculator.Returns(s.Close.AsSpan(Math.Max(0, s.Count - 505)))).ToList();
        yield return new DelegateBenchmark("statistics: 10,000 stationary-bootstrap resamples x 504 days x 9 series", "resamples", () =>
            lastYears.Sum(r => (long)StationaryBootstrap.Returns(r, new BootstrapOptions { Resamples = 10_000 }).Resamples));

        var folder = Directory.CreateTempSubdirectory("stockagent-bench-").FullName;
        var sampler = new EpisodeSampler(market, split);
        var collector = new ExperienceCollector(market);
        var info = new BatchInfo(sma.Id, sma.Version, "composite", DataSplit.Default.SourceText, "{}", 0);
        int round = 0;
        var collectPath = Path.Combine(folder, "collect.db");
        yield return new DelegateBenchmark("collect: 1,000 x 60-step episodes + commit", "trajectories", () =>
        {
            using var lib = ExperienceLibrary.Open(collectPath);
            var batch = collector.Collect(sma, sampler.Sample(1000, ++round));
            lib.AppendBatch(info, batch);
            return batch.Count;
        }, () =>
        {
            using var lib = ExperienceLibrary.Open(collectPath, readOnly: true);
            var stats = lib.Stats();
            return $"library size: {stats.FileBytes / 1e6 * 10_000 / Math.Max(1, stats.Trajectories):F1} MB per 10,000 trajectories";
        });

        static NeuralPolicy BenchPolicy(string architecture = PolicyNetworkSpec.Mlp, int sequence = 1, int seed = 5)
        {
            torch.manual_seed(seed);
            var spec = new PolicyNetworkSpec
            {
                Inputs = MarketObservations.BaseNames.Count, Hidden = [64, 64], Actions = 3, LoraRank = 16, Architecture = architecture, SequenceLength = sequence,
            };
            return new NeuralPolicy(new PolicyNetwork(spec), new NeuralPolicyMetadata(spec, [0, 0.5, 1], MarketObservations.BaseNames.ToArray(),
                FeatureNormalizer.Identity(spec.Inputs), "bench", "bench", DateTimeOffset.UnixEpoch));
        }

        var rngs = Enumerable.Range(0, 4096).Select(i => new Random(i)).ToArray();
        foreach (var (architecture, sequence, label) in new[] { (PolicyNetworkSpec.Mlp, 1, "64x64 MLP"), (PolicyNetworkSpec.Gru, 10, "GRU-64 over 10 bars") })
        {
            NeuralPolicy? inference = null;
            float[] rows = [];
            var decisions = new PolicyDecision[4096];
            yield return new DelegateBenchmark($"policy: batched inference, 4,096 rows, {label}", "decisions", () =>
            {
                if (inference is null)
                {
                    inference = BenchPolicy(architecture, sequence);
                    var rng = new Random(1);
                    rows = new float[4096 * inference.Network.Spec.RowWidth];
                    for (int i = 0; i < rows.Length; i++) rows[i] = (float)(rng.NextDouble() * 2 - 1);
                }
                inference.DecideBatch(rows, 4096, decisions, rngs);
                return 4096;
            }, () =>
            {
                inference?.Dispose();
                return null;
            });
        }

        NeuralPolicy? collecting = null;
        int collectRound = 0;
        yield return new DelegateBenchmark("collect: neural policy, 512 x 60-step episodes (lockstep)", "trajectories", () =>
        {
            collecting ??= BenchPolicy();
            return collector.Collect(collecting, sampler.Sample(512, 20_000 + ++collectRound)).Count;
        }, () =>
        {
            collecting?.Dispose();
            return null;
        });

        foreach (var algorithm in new[] { "grpo", "ppo" })
        {
            RlTrainer? trainer = null;
            int iteration = 0;
            yield return new DelegateBenchmark($"{algorithm}: one iteration, 512 x 60 steps, 4 epochs", "iterations", () =>
            {
                if (trainer is null)
                {
                    var (policy, _) = SftTrainer.Train(market, split, new SftOptions { Epochs = 1 });
                    trainer = algorithm == "grpo"
                        ? new GrpoTrainer(market, split, policy, new GrpoOptions { GroupsPerIteration = 64, GroupSize = 8, Epochs = 4 })
                        : new PpoTrainer(market, split, policy, new PpoOptions { GroupsPerIteration = 64, GroupSize = 8, Epochs = 4 });
                }
                trainer.Step(++iteration);
                return 1;
            }, () =>
            {
                trainer?.Dispose();
                trainer?.Policy.Dispose();
                return null;
            });
        }

        // Phase 3 end to end: 5 models and the baselines on every symbol over two years (the out-of-time sets), 10,000 resamples.
        string? evaluationModels = null;
        yield return new DelegateBenchmark("evaluate: 5 models + 4 baselines x 3 test sets, last 504 days, 10,000 resamples", "scores", () =>
        {
            if (evaluationModels is null)
            {
                evaluationModels = Path.Combine(folder, "models");
                for (int m = 0; m < 5; m++)
                {
                    using var model = BenchPolicy(seed: 100 + m);
                    model.Save(Path.Combine(evaluationModels, $"model{m}"));
                }
            }
            var report = EvaluationRun.Run(context, new EvaluationSettings
            {
                Models = [Path.Combine(evaluationModels, "model*")], TestDays = 505, From = context.Calendar[^505], Resamples = 10_000, Slices = false,
            });
            return report.Sets.Sum(s => (long)s.Scores.Count);
        }, maxRepeats: 1);

        ExperienceLibrary? big = null;
        yield return new DelegateBenchmark("library: top-5,000 balanced of 100,000", "queries", () =>
        {
            if (big is null)
            {
                big = ExperienceLibrary.Open(Path.Combine(folder, "big.db"));
                var random = new RandomPolicy();
                for (int b = 0; b < 100; b++) big.AppendBatch(info, collector.Collect(random, sampler.Sample(1000, 10_000 + b)));
            }
            return big.TopByReward(5000, balancedByRegime: true).Count > 0 ? 1 : 0;
        }, () =>
        {
            big?.Dispose();
            big = null;
            Directory.Delete(folder, recursive: true);
            return null;
        });
    }
}
