using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Spectre.Console;
using StockAgent.Agents;
using StockAgent.Experience;
using StockAgent.Market;
using StockAgent.Rewards;

namespace StockAgent.Cli.Commands;

/// <summary>`stockagent collect`: runs a policy over balanced episodes and stores them, batch by batch, in the experience library.</summary>
public static class CollectCommand
{
    public const string DefaultLibrary = "data/libraries/experience.db";
    public const string DefaultSplit = "data/config/splits/default.yaml";

    public static Command Create()
    {
        var batchSize = new Option<int>("--batch-size") { Description = "Trajectories per batch (one transaction each).", DefaultValueFactory = _ => 1000 };
        var batches = new Option<int>("--batches") { Description = "Number of batches.", DefaultValueFactory = _ => 5 };
        var policy = new Option<string>("--policy") { Description = $"{string.Join(" | ", PolicyFactory.BaselineNames)} | {PolicyFactory.TrainedSpecs} (trained model folders, e.g. training_runs/.../models/final).", DefaultValueFactory = _ => "sma-crossover" };
        var window = new Option<int>("--window") { Description = "Decisions per episode (trading days).", DefaultValueFactory = _ => 60 };
        var groupSize = new Option<int>("--group-size") { Description = "Episodes per start state (GRPO groups); 1 = ungrouped.", DefaultValueFactory = _ => 1 };
        var reward = new Option<string>("--reward") { Description = $"Reward function: {string.Join(", ", RewardFunctions.Names)}.", DefaultValueFactory = _ => "composite" };
        var data = new Option<string?>("--data") { Description = "Folder of daily CSVs (default: the synthetic market)." };
        var library = new Option<string>("--library") { Description = "Experience library file.", DefaultValueFactory = _ => DefaultLibrary };
        var split = new Option<string?>("--split") { Description = $"Data split YAML (default: {DefaultSplit} when present)." };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed and library give the same batches.", DefaultValueFactory = _ => 7 };
        var json = new Option<bool>("--json") { Description = "Print a JSON summary." };
        var command = new Command("collect", "Collect trajectories: balanced start states from the training period and symbols, run by a policy, stored in the experience library.");
        foreach (var o in new Option[] { batchSize, batches, policy, window, groupSize, reward, data, library, split, seed, json }) command.Options.Add(o);

        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            int size = parse.GetValue(batchSize), count = parse.GetValue(batches);
            if (size < 1) throw new ArgumentException($"--batch-size must be at least 1 (got {size}).");
            if (count < 1) throw new ArgumentException($"--batches must be at least 1 (got {count}).");
            var policyName = parse.GetValue(policy)!;
            IPolicy agent = PolicyFactory.FromSpec(policyName);
            using var disposeModel = agent as IDisposable;
            var rewardName = parse.GetValue(reward)!;
            var rewardFunction = RewardFunctions.ByName(rewardName);
            var splitPath = parse.GetValue(split) ?? (File.Exists(DefaultSplit) ? DefaultSplit : null);
            var dataSplit = splitPath is null ? DataSplit.Default : DataSplit.Load(splitPath);
            int baseSeed = parse.GetValue(seed);

            var clock = Stopwatch.StartNew();
            var market = MarketSource.Load(parse.GetValue(data), new SyntheticMarketOptions { Seed = baseSeed });
            var calendar = market.Series.Values.SelectMany(s => s.Dates).Distinct().Order().ToArray();
            var resolved = dataSplit.Resolve(calendar, market.Symbols.ToArray());
            market = market.WithIndexMembers(resolved.TrainingSymbols); // held-out symbols stay out of every feature
            var sampler = new EpisodeSampler(market, resolved, new SamplerOptions { Window = parse.GetValue(window), GroupSize = parse.GetValue(groupSize) });
            var collector = new ExperienceCollector(market, new CollectorOptions { Reward = rewardFunction, RewardName = rewardName });
            using var lib = ExperienceLibrary.Open(parse.GetValue(library)!);
            int existing = lib.Batches().Count;
            if (!parse.GetValue(json))
            {
                o.WriteLine($"market: {market.Source}; split: {resolved}");
                o.WriteLine($"library: {lib.Path} ({existing} batches already); policy {agent.Id} ({agent.Version}); reward {rewardName}");
            }
            var config = JsonSerializer.Serialize(new
            {
                batch_size = size, window = parse.GetValue(window), group_size = parse.GetValue(groupSize), market = market.Source,
                initial_cash = 10_000, commission_bps = 5, slippage_bps = 5,
            });

            var stored = new List<(long Id, int Count, double Seconds)>();
            void RunBatch(int k, Action<int>? progress)
            {
                var sw = Stopwatch.StartNew();
                int batchSeed = SeedMixer.Mix(baseSeed, existing + k);
                var episodes = sampler.Sample(size, batchSeed);
                var trajectories = collector.Collect(agent, episodes, progress);
                long id = lib.AppendBatch(new BatchInfo(agent.Id, agent.Version, rewardName, dataSplit.SourceText, config, batchSeed), trajectories);
                stored.Add((id, trajectories.Count, sw.Elapsed.TotalSeconds));
            }

            bool interactive = !Console.IsOutputRedirected && ReferenceEquals(o, Console.Out) && !parse.GetValue(json);
            if (interactive)
            {
                AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask("collecting", maxValue: (double)size * count);
                        for (int k = 0; k < count; k++)
                        {
                            int before = k * size;
                            RunBatch(k, d => task.Value = before + d);
                            task.Description = $"batch {k + 1}/{count} stored";
                        }
                    });
            }
            else
            {
                for (int k = 0; k < count; k++)
                {
                    RunBatch(k, null);
                    if (!parse.GetValue(json))
                        o.WriteLine($"batch {k + 1}/{count}: {stored[^1].Count} trajectories stored as batch {stored[^1].Id} in {stored[^1].Seconds:F2} s");
                }
            }

            var stats = lib.Stats();
            if (parse.GetValue(json))
            {
                o.WriteLine(JsonSerializer.Serialize(new
                {
                    library = lib.Path,
                    batches = stored.Select(b => new { id = b.Id, trajectories = b.Count, seconds = b.Seconds }),
                    collected = stored.Sum(b => b.Count),
                    total = stats.Trajectories,
                    per_regime = stats.PerRegime,
                    per_sector = stats.PerSector,
                    seconds = clock.Elapsed.TotalSeconds,
                }, new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                o.WriteLine($"collected {stored.Sum(b => b.Count)} trajectories in {clock.Elapsed.TotalSeconds:F1} s " +
                            $"({stored.Sum(b => b.Count) / stored.Sum(b => b.Seconds):F0} per second); library now holds {stats.Trajectories} " +
                            $"over {stats.PerSector.Count} sectors and {stats.PerRegime.Count} regimes");
            }
            return 0;
        });
        return command;
    }
}
