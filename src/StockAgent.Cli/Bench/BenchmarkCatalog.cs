using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Experience;
using StockAgent.Features;
using StockAgent.Market;
using StockAgent.Training;
using TorchSharp;

namespace StockAgent.Cli.Bench;

/// <summary>The kit's hot paths; each area adds its benchmarks here.</summary>
public static class BenchmarkCatalog
{
    public static IEnumerable<IBenchmark> All(MarketData market, string? dataDirectory)
    {
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

        var folder = Directory.CreateTempSubdirectory("stockagent-bench-").FullName;
        var calendar = market.Series.Values.SelectMany(s => s.Dates).Distinct().Order().ToArray();
        var split = DataSplit.Default.Resolve(calendar, market.Symbols.ToArray());
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

        NeuralPolicy? neural = null;
        var observations = new float[4096 * MarketObservations.Names.Count];
        var decisions = new PolicyDecision[4096];
        var rngs = Enumerable.Range(0, 4096).Select(i => new Random(i)).ToArray();
        yield return new DelegateBenchmark("policy: batched inference, 4,096 rows, 64x64 MLP", "decisions", () =>
        {
            if (neural is null)
            {
                var rng = new Random(1);
                for (int i = 0; i < observations.Length; i++) observations[i] = (float)(rng.NextDouble() * 2 - 1);
                var spec = new PolicyNetworkSpec { Inputs = MarketObservations.Names.Count, Hidden = [64, 64], Actions = 3, LoraRank = 16 };
                neural = new NeuralPolicy(new PolicyNetwork(spec), new NeuralPolicyMetadata(spec, [0, 0.5, 1], MarketObservations.Names.ToArray(),
                    FeatureNormalizer.Identity(spec.Inputs), "bench", "bench", DateTimeOffset.UnixEpoch));
            }
            neural.DecideBatch(observations, 4096, decisions, rngs);
            return 4096;
        });

        NeuralPolicy? collecting = null;
        int collectRound = 0;
        yield return new DelegateBenchmark("collect: neural policy, 512 x 60-step episodes (lockstep)", "trajectories", () =>
        {
            if (collecting is null)
            {
                torch.manual_seed(5);
                var spec = new PolicyNetworkSpec { Inputs = MarketObservations.Names.Count, Hidden = [64, 64], Actions = 3, LoraRank = 16 };
                collecting = new NeuralPolicy(new PolicyNetwork(spec), new NeuralPolicyMetadata(spec, [0, 0.5, 1], MarketObservations.Names.ToArray(),
                    FeatureNormalizer.Identity(spec.Inputs), "bench", "bench", DateTimeOffset.UnixEpoch));
            }
            return collector.Collect(collecting, sampler.Sample(512, 20_000 + ++collectRound)).Count;
        }, () =>
        {
            collecting?.Dispose();
            return null;
        });

        GrpoTrainer? grpo = null;
        int iteration = 0;
        yield return new DelegateBenchmark("grpo: one iteration, 512 x 60 steps, 4 epochs", "iterations", () =>
        {
            if (grpo is null)
            {
                var (policy, _) = SftTrainer.Train(market, split, new SftOptions { Epochs = 1 });
                grpo = new GrpoTrainer(market, split, policy, new GrpoOptions { GroupsPerIteration = 64, GroupSize = 8, Epochs = 4 });
            }
            grpo.Step(++iteration);
            return 1;
        }, () =>
        {
            grpo?.Dispose();
            grpo?.Policy.Dispose();
            neural?.Dispose();
            return null;
        });

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
