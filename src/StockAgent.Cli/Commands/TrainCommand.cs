using System.CommandLine;
using System.Diagnostics;
using StockAgent.Agents;
using StockAgent.Experience;
using StockAgent.Features;
using StockAgent.Market;
using StockAgent.Rewards;
using StockAgent.Training;

namespace StockAgent.Cli.Commands;

/// <summary>`stockagent train --algorithm sft|grpo|ppo`: supervised fine-tuning, then GRPO or PPO on LoRA adapters, in a run folder.</summary>
public static class TrainCommand
{
    public const string DefaultConfig = "data/config/rl/default.yaml";

    public static Command Create()
    {
        var algorithm = new Option<string?>("--algorithm") { Description = "sft, grpo or ppo (default: the config's)." };
        var iterations = new Option<int?>("--num-iterations") { Description = "RL iterations (overrides num_iterations)." };
        var config = new Option<string?>("--config") { Description = $"Training YAML (default: {DefaultConfig} when present)." };
        var set = new Option<string[]>("--set") { Description = "Override a config key, e.g. --set learning_rate=0.0005 (repeatable).", AllowMultipleArgumentsPerToken = true };
        var library = new Option<string?>("--library") { Description = "Experience library: RL appends every rollout batch to it, or reads from it with --num-trajectories." };
        var numTrajectories = new Option<int?>("--num-trajectories") { Description = "With --library: SFT clones the best N trajectories (balanced by regime); GRPO/PPO train offline on the newest N (GRPO: whole groups) instead of fresh rollouts." };
        var device = new Option<string?>("--device") { Description = "cpu (default) or cuda[:N] when TorchSharp sees a GPU." };
        var initFrom = new Option<string?>("--init-from") { Description = "Model folder to start from: the SFT model, or an RL run's models/checkpoint_NNNN to resume it (same algorithm: its iteration count, Adam state and early-stopping record carry on)." };
        var data = new Option<string?>("--data") { Description = "Folder of daily CSVs (default: the synthetic market)." };
        var split = new Option<string?>("--split") { Description = $"Data split YAML (default: {CollectCommand.DefaultSplit} when present)." };
        var seed = new Option<int?>("--seed") { Description = "Seed (overrides the config's)." };
        var output = new Option<string>("--out") { Description = "Folder for run folders.", DefaultValueFactory = _ => "training_runs" };
        var command = new Command("train", "Train the agent: SFT on hindsight labels, then GRPO (or PPO) with LoRA adapters and KL control; writes a run folder.");
        foreach (var o in new Option[] { algorithm, iterations, config, set, library, numTrajectories, initFrom, data, split, seed, device, output }) command.Options.Add(o);

        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            var overrides = new List<string>(parse.GetValue(set) ?? []);
            if (parse.GetValue(algorithm) is { } a) overrides.Add($"algorithm={a}");
            if (parse.GetValue(iterations) is { } n) overrides.Add($"num_iterations={n}");
            if (parse.GetValue(seed) is { } s) overrides.Add($"seed={s}");
            if (parse.GetValue(device) is { } d) overrides.Add($"device={d}");
            var configPath = parse.GetValue(config) ?? (File.Exists(DefaultConfig) ? DefaultConfig : null);
            var cfg = RlConfig.Load(configPath, overrides);
            TorchDevice.Parse(cfg.Device); // fail before any work when the device is unusable
            var splitPath = parse.GetValue(split) ?? (File.Exists(CollectCommand.DefaultSplit) ? CollectCommand.DefaultSplit : null);
            var dataSplit = splitPath is null ? DataSplit.Default : DataSplit.Load(splitPath);

            var market = MarketSource.Load(parse.GetValue(data), new SyntheticMarketOptions { Seed = cfg.Seed });
            var calendar = market.Series.Values.SelectMany(x => x.Dates).Distinct().Order().ToArray();
            var resolved = dataSplit.Resolve(calendar, market.Symbols.ToArray());
            market = market.WithIndexMembers(resolved.TrainingSymbols); // held-out symbols stay out of every feature
            // The run folder is made once the inputs have been read, so bad input leaves no empty run behind.
            TrainingRun CreateRun()
            {
                var run = TrainingRun.Create(parse.GetValue(output)!, cfg.Algorithm, cfg, dataSplit.SourceText);
                o.WriteLine($"run folder: {Path.GetFullPath(run.Directory)}");
                return run;
            }
            o.WriteLine($"market: {market.Source}; split: {resolved}");
            return cfg.Algorithm == "sft"
                ? Sft(o, cfg, market, resolved, CreateRun, parse.GetValue(library), parse.GetValue(numTrajectories))
                : Rl(o, cfg, market, resolved, CreateRun, parse.GetValue(initFrom), parse.GetValue(library), parse.GetValue(numTrajectories), dataSplit);
        });
        return command;
    }

    private static int Sft(TextWriter o, RlConfig cfg, MarketData market, ResolvedSplit split, Func<TrainingRun> createRun, string? libraryPath, int? numTrajectories)
    {
        var clock = Stopwatch.StartNew();
        BehaviourDataset? samples = null;
        if (numTrajectories is { } n)
        {
            if (libraryPath is null)
                throw new ArgumentException("--num-trajectories: SFT from the library clones its best trajectories; name the library with --library.");
            if (n < 1) throw new ArgumentException($"--num-trajectories must be at least 1 (got {n}).");
            using var library = ExperienceLibrary.Open(libraryPath, readOnly: true);
            var best = library.TopByReward(n, balancedByRegime: true);
            if (best.Count == 0) throw new InvalidDataException($"{libraryPath} holds no trajectories to clone.");
            samples = BehaviourDataset.FromTrajectories(library.Load(best.Select(t => t.Id)), MarketObservations.Names.Count, ActionSpace.LongOnly, cfg.SequenceLength);
            o.WriteLine($"cloning the best {best.Count} trajectories of {library.Path} (balanced by regime; rewards {best[^1].Reward:F3} to {best[0].Reward:F3})");
        }
        var run = createRun();
        var (policy, report) = SftTrainer.Train(market, split, cfg.SftOptions(), samples: samples, onEpoch: (epoch, loss) =>
        {
            run.Log(epoch, new Dictionary<string, double?> { ["sft/loss"] = loss });
            o.WriteLine($"epoch {epoch}/{cfg.SftEpochs}: loss {loss:F4}");
        });
        using (policy)
        {
            run.Log(cfg.SftEpochs, new Dictionary<string, double?>
            {
                ["sft/train_accuracy"] = report.TrainAccuracy, ["sft/validation_accuracy"] = report.ValidationAccuracy,
                ["sft/validation_sharpe"] = report.ValidationSharpe, ["sft/validation_buy_and_hold_sharpe"] = report.ValidationBuyAndHoldSharpe,
            });
            var final = run.SaveModel(policy, "final");
            run.SaveModel(policy, "best");
            o.WriteLine($"SFT on {report.TrainSamples} samples in {clock.Elapsed.TotalSeconds:F1} s: accuracy {report.TrainAccuracy:P1} (train), {(double.IsNaN(report.ValidationAccuracy) ? "n/a" : report.ValidationAccuracy.ToString("P1"))} (validation)");
            o.WriteLine($"validation Sharpe {report.ValidationSharpe:F2} (buy-and-hold {report.ValidationBuyAndHoldSharpe:F2})");
            o.WriteLine($"model: {Path.GetFullPath(final)}  (next: stockagent train --algorithm grpo --init-from {final})");
        }
        return 0;
    }

    private static int Rl(TextWriter o, RlConfig cfg, MarketData market, ResolvedSplit split, Func<TrainingRun> createRun, string? initFrom, string? libraryPath,
        int? numTrajectories, DataSplit dataSplit)
    {
        string name = cfg.Algorithm;
        if (initFrom is null)
            throw new ArgumentException($"--init-from: {name.ToUpperInvariant()} starts from a trained model; run `stockagent train --algorithm sft` first and pass its models/final folder.");
        if (numTrajectories is not null && libraryPath is null)
            throw new ArgumentException("--num-trajectories: offline training reads trajectories from an experience library; name it with --library.");
        using var policy = NeuralPolicy.Load(initFrom).To(TorchDevice.Parse(cfg.Device));
        var options = cfg.RlOptions(RewardFunctions.ByName(cfg.Reward));
        using RlTrainer trainer = options is PpoOptions ppo ? new PpoTrainer(market, split, policy, ppo) : new GrpoTrainer(market, split, policy, (GrpoOptions)options);
        using var library = libraryPath is null ? null : ExperienceLibrary.Open(libraryPath, readOnly: numTrajectories is not null);
        LibraryReplay? replay = null;
        if (numTrajectories is { } n)
        {
            bool groups = options is GrpoOptions;
            replay = new LibraryReplay(library!, n, groups, groups ? options.GroupsPerIteration : options.TrajectoriesPerIteration, cfg.Seed);
            o.WriteLine($"offline: {replay.Trajectories} trajectories ({replay.Units} {(groups ? "groups" : "episodes")}) from {library!.Path}" +
                        (replay.Deterministic > 0 ? $"; {replay.Deterministic} of a deterministic policy left out (no importance ratio)" : ""));
        }
        // A checkpoint of the same algorithm carries its trainer state: go on after its iteration with Adam's moments,
        // the early-stopping record and the seeds a straight run would have used. Any other model only gives weights.
        var resume = ResumeState.TryLoad(initFrom);
        if (resume is not null && resume.Algorithm != name)
        {
            o.WriteLine($"starting {name.ToUpperInvariant()} from the weights of a {resume.Algorithm} checkpoint (its optimiser state is not used)");
            resume = null;
        }
        if (resume is not null && resume.Iteration >= cfg.NumIterations)
            throw new ArgumentException($"--num-iterations: {initFrom} is at iteration {resume.Iteration} already; ask for more than {resume.Iteration} iterations to resume it.");
        if (resume is not null) trainer.LoadOptimizer(Path.Combine(initFrom, ResumeState.OptimizerFileName));
        var run = createRun();
        if (resume is not null)
            o.WriteLine($"resuming {name.ToUpperInvariant()} after iteration {resume.Iteration} of {Path.GetFullPath(initFrom)} (Adam state restored" +
                        (resume.BestValidationSharpe is { } b ? $"; best validation Sharpe so far {b:F2})" : ")"));
        var loop = new RlRunLoop(trainer, run, RlLoopOptions.From(cfg))
        {
            Offline = replay is null ? null : replay.Batch,
            Validate = p => split.ValidationStart is { } vs && split.ValidationEnd is { } ve
                ? PolicyValidation.MeanSharpe(p, market, split.TrainingSymbols, vs, ve) : double.NaN,
            OnRollouts = library is null ? null : (i, rollouts) => library.AppendBatch(
                new BatchInfo(policy.Id, $"{policy.Version}+it{i}", cfg.Reward, dataSplit.SourceText, $"{{\"algorithm\":\"{name}\",\"iteration\":{i}}}", SeedMixer.Mix(cfg.Seed, i)), rollouts),
            OnIteration = log => o.WriteLine(
                $"iteration {log.Iteration}/{cfg.NumIterations}: reward {log.RewardMean:F3} ± {log.RewardStd:F3}, loss {log.Loss:F4}, KL {log.Kl:F4}, " +
                $"clip {log.ClipFraction:P1}, entropy {log.Entropy:F3}, " +
                (options is PpoOptions ? $"value loss {log.ValueLoss:F4}" : $"zero-spread groups {log.ZeroSpreadShare:P0}") + $", {log.Seconds:F1} s" +
                (log.ValidationSharpe is { } v ? $", validation Sharpe {v:F2}" : "")),
        };
        var clock = Stopwatch.StartNew();
        var result = loop.Run(resume, initFrom);
        if (result.StoppedEarly)
            o.WriteLine($"early stop: validation Sharpe has not improved on {result.BestValidationSharpe:F2} for {cfg.Patience} validations");
        o.WriteLine($"{name.ToUpperInvariant()} done in {clock.Elapsed.TotalSeconds:F1} s; best validation Sharpe {result.BestValidationSharpe ?? double.NaN:F2}; model: {Path.GetFullPath(result.FinalModel)}");
        return 0;
    }
}
