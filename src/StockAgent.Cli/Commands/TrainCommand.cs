using System.CommandLine;
using StockAgent.Experiments;
using StockAgent.Training;

namespace StockAgent.Cli.Commands;

/// <summary>`stockagent train --algorithm sft|grpo|ppo`: parses, runs a <see cref="TrainingSession"/>, prints.</summary>
public static class TrainCommand
{
    public const string DefaultConfig = "data/config/rl/default.yaml";

    public static Command Create()
    {
        var algorithm = new Option<string?>("--algorithm") { Description = "sft, grpo or ppo (default: the config's)." };
        var iterations = new Option<int?>("--num-iterations") { Description = "RL iterations (overrides num_iterations)." };
        var config = new Option<string?>("--config") { Description = $"Training YAML (default: {DefaultConfig} when present)." };
        var set = new Option<string[]>("--set")
        {
            Description = "Override a config key, e.g. --set learning_rate=0.0005 (repeatable). Keys with their defaults (algorithms):\n" + TrainingConfig.Describe(),
            AllowMultipleArgumentsPerToken = true,
        };
        var library = new Option<string?>("--library") { Description = "Experience library: RL appends every rollout batch to it, or reads from it with --num-trajectories." };
        var numTrajectories = new Option<int?>("--num-trajectories") { Description = "With --library: SFT clones the best N trajectories (balanced by regime); GRPO/PPO train offline on the newest N (GRPO: whole groups) instead of fresh rollouts." };
        var device = new Option<string?>("--device") { Description = "cpu (default) or cuda[:N] when TorchSharp sees a GPU." };
        var initFrom = new Option<string?>("--init-from") { Description = "Model to start from: an SFT run folder (its best model) or model folder, or an RL run's models/checkpoint_NNNN to resume it (same algorithm: its iteration count, Adam state and early-stopping record carry on)." };
        var market = new MarketOptions();
        var seed = new Option<int?>("--seed") { Description = "Training seed (overrides the config's); the market does not change with it." };
        var output = new Option<string>("--out") { Description = "Folder for run folders.", DefaultValueFactory = _ => "training_runs" };
        var command = new Command("train", "Train the agent: SFT on hindsight labels, then GRPO (or PPO) with LoRA adapters and KL control; writes a run folder.");
        foreach (var o in new Option[] { algorithm, iterations, config, set, library, numTrajectories, initFrom, seed, device, output }) command.Options.Add(o);
        market.AddTo(command);

        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            var overrides = new List<string>(parse.GetValue(set) ?? []);
            if (parse.GetValue(iterations) is { } n) overrides.Add($"num_iterations={n}");
            if (parse.GetValue(seed) is { } s) overrides.Add($"seed={s}");
            if (parse.GetValue(device) is { } d) overrides.Add($"device={d}");
            var configPath = parse.GetValue(config) ?? (File.Exists(DefaultConfig) ? DefaultConfig : null);
            var options = TrainingConfig.Load(configPath, overrides, parse.GetValue(algorithm));
            var settings = new TrainingSessionSettings
            {
                OutputRoot = parse.GetValue(output)!, InitFrom = parse.GetValue(initFrom), Library = parse.GetValue(library),
                NumTrajectories = parse.GetValue(numTrajectories), Command = CliFlags.CommandText(parse),
            };
            // Inputs that need no market are checked first, so a typo fails at once.
            if (settings.InitFrom is { } init) CliFlags.For("--init-from", () => ModelReference.Resolve(init));
            var context = market.Load(parse);
            o.WriteLine(context.ToString());
            using var session = TrainingSession.Create(context, options, settings, o.WriteLine);
            string name = options.Algorithm.ToUpperInvariant();
            var result = session.Run(
                onRunFolder: dir => o.WriteLine($"run folder: {Path.GetFullPath(dir)}"),
                onIteration: log => o.WriteLine(Describe(options, log)));
            if (result.StoppedEarly)
                o.WriteLine($"early stop: validation Sharpe has not improved on {result.BestValidationSharpe:F2} for {options.Patience} validations");
            if (result.Sft is { } sft)
            {
                o.WriteLine($"SFT on {sft.TrainSamples} samples in {result.Seconds:F1} s: accuracy {sft.TrainAccuracy:P1} (train), {(double.IsNaN(sft.ValidationAccuracy) ? "n/a" : sft.ValidationAccuracy.ToString("P1"))} (validation)");
                o.WriteLine($"validation Sharpe {result.BestValidationSharpe ?? double.NaN:F2} (buy-and-hold {result.BuyAndHoldValidationSharpe:F2})");
            }
            else
            {
                o.WriteLine($"{name} done in {result.Seconds:F1} s; best validation Sharpe {result.BestValidationSharpe ?? double.NaN:F2} (buy-and-hold {result.BuyAndHoldValidationSharpe:F2})");
            }
            o.WriteLine($"model: {Path.GetFullPath(result.BestModel)} (best by validation; last: {Path.GetFullPath(result.FinalModel)})");
            if (options is SftOptions)
                o.WriteLine($"next: stockagent train --algorithm grpo --init-from {CliFlags.Quote(result.RunDirectory)}{market.Echo(parse)}");
            return 0;
        });
        return command;
    }

    private static string Describe(TrainingOptions options, RlIterationLog log)
    {
        var validation = log.ValidationSharpe is { } v ? $", validation Sharpe {v:F2}" : "";
        if (options is SftOptions sft) return $"epoch {log.Iteration}/{sft.Epochs}: loss {log.Loss:F4}, {log.Seconds:F1} s{validation}";
        return $"iteration {log.Iteration}/{options.TotalIterations}: reward {log.RewardMean:F3} ± {log.RewardStd:F3}, loss {log.Loss:F4}, KL {log.Kl:F4}, " +
               $"clip {log.ClipFraction:P1}, entropy {log.Entropy:F3}, " +
               (options is PpoOptions ? $"value loss {log.ValueLoss:F4}" : $"zero-spread groups {log.ZeroSpreadShare:P0}") + $", {log.Seconds:F1} s{validation}";
    }
}
