using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using StockAgent.Agents;
using StockAgent.Experiments;
using StockAgent.Rewards;

namespace StockAgent.Cli.Commands;

/// <summary>`stockagent collect`: parses, runs a <see cref="CollectionRun"/> into the experience library, prints.</summary>
public static class CollectCommand
{
    public const string DefaultLibrary = "data/libraries/experience.db";
    public const string DefaultSplit = MarketOptions.DefaultSplit;

    public static Command Create()
    {
        var batchSize = new Option<int>("--batch-size") { Description = $"Trajectories per batch (one transaction each; at most {CollectionSettings.MaxBatchSize:N0}).", DefaultValueFactory = _ => 1000 };
        var batches = new Option<int>("--batches") { Description = "Number of batches.", DefaultValueFactory = _ => 5 };
        var policy = new Option<string>("--policy") { Description = $"{string.Join(" | ", PolicyFactory.BaselineNames)} | {PolicyFactory.TrainedSpecs} (trained model folders, or run folders for their best model).", DefaultValueFactory = _ => "sma-crossover" };
        var window = new Option<int>("--window") { Description = "Decisions per episode (trading days).", DefaultValueFactory = _ => 60 };
        var groupSize = new Option<int>("--group-size") { Description = "Episodes per start state (GRPO groups); 1 = ungrouped. Batches round up to whole groups.", DefaultValueFactory = _ => 1 };
        var reward = new Option<string>("--reward") { Description = $"Reward function: {string.Join(", ", RewardFunctions.Names)}.", DefaultValueFactory = _ => "composite" };
        var library = new Option<string>("--library") { Description = "Experience library file.", DefaultValueFactory = _ => DefaultLibrary };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed and library give the same batches (the market has its own, --market-seed).", DefaultValueFactory = _ => 7 };
        var json = new Option<bool>("--json") { Description = "Print a JSON summary." };
        var market = new MarketOptions();
        var command = new Command("collect", "Collect trajectories: balanced start states from the training period and symbols, run by a policy, stored in the experience library.");
        foreach (var o in new Option[] { batchSize, batches, policy, window, groupSize, reward, library, seed, json }) command.Options.Add(o);
        market.AddTo(command);

        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            bool asJson = parse.GetValue(json);
            var settings = new CollectionSettings
            {
                Policy = parse.GetValue(policy)!, BatchSize = parse.GetValue(batchSize), Batches = parse.GetValue(batches), Window = parse.GetValue(window),
                GroupSize = parse.GetValue(groupSize), Reward = parse.GetValue(reward)!, Library = parse.GetValue(library)!, Seed = parse.GetValue(seed),
            };
            settings.Validate(); // before the market loads: a bad size fails at once
            var context = market.Load(parse);
            Action<string> log = asJson ? _ => { } : o.WriteLine;
            using var agent = CliFlags.For("--policy", () => new OwnedPolicy(CollectionRun.Load(settings.Policy, context, log)));
            if (!asJson)
            {
                o.WriteLine(context.ToString());
                o.WriteLine($"library: {Path.GetFullPath(settings.Library)}; policy {agent.Policy.Id} ({agent.Policy.Version}); reward {settings.Reward}");
            }

            CollectionResult result;
            bool interactive = !Console.IsOutputRedirected && ReferenceEquals(o, Console.Out) && !asJson;
            if (interactive)
            {
                result = null!;
                AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask("collecting", maxValue: (double)settings.EffectiveBatchSize * settings.Batches);
                        result = CollectionRun.Run(context, settings, agent.Policy, log,
                            progress: (k, done) => task.Value = (double)k * settings.EffectiveBatchSize + done,
                            onBatch: b => task.Description = $"batch {b.Id} stored");
                    });
            }
            else
            {
                int k = 0;
                result = CollectionRun.Run(context, settings, agent.Policy, log, onBatch: b =>
                {
                    if (!asJson) o.WriteLine($"batch {++k}/{settings.Batches}: {b.Trajectories} trajectories stored as batch {b.Id} in {b.Seconds:F2} s");
                });
            }

            var stats = result.Stats;
            if (asJson)
            {
                o.WriteLine(JsonSerializer.Serialize(new
                {
                    library = result.Library,
                    batches = result.Batches.Select(b => new { id = b.Id, trajectories = b.Trajectories, seed = b.Seed, seconds = b.Seconds }),
                    collected = result.Collected,
                    total = stats.Trajectories,
                    per_regime = stats.PerRegime,
                    per_sector = stats.PerSector,
                    seconds = result.Seconds,
                }, new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                o.WriteLine($"collected {result.Collected} trajectories in {result.Seconds:F1} s " +
                            $"({result.Collected / Math.Max(1e-9, result.Batches.Sum(b => b.Seconds)):F0} per second); library now holds {stats.Trajectories} " +
                            $"over {stats.PerSector.Count} sectors and {stats.PerRegime.Count} regimes");
            }
            return 0;
        });
        return command;
    }

    /// <summary>A policy this command loaded and so disposes (models and ensembles hold native memory).</summary>
    private sealed class OwnedPolicy(IPolicy policy) : IDisposable
    {
        public IPolicy Policy { get; } = policy;
        public void Dispose() => (Policy as IDisposable)?.Dispose();
    }
}
