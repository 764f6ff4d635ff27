using StockAgent.Agents;
using StockAgent.Experience;

namespace StockAgent.Training;

/// <summary>
/// The iterations of one training run (SFT epochs, GRPO or PPO iterations) in its <see cref="TrainingRun"/> folder:
/// metrics.jsonl and TensorBoard per iteration, a greedy validation Sharpe every
/// <see cref="TrainingOptions.ValidateEvery"/> iterations (and at the last) with models/best on every new best and early
/// stopping after <see cref="TrainingOptions.Patience"/> validations without one, checkpoints carrying the trainer's
/// state (<see cref="ResumeState"/>) every <see cref="TrainingOptions.CheckpointEvery"/>, then models/final. A
/// diverging loss writes error.txt and stops with the last good checkpoint named. Like TRL's Trainer with callbacks,
/// it knows nothing of command lines: validation, rollout storage and progress hook in.
/// </summary>
public sealed class TrainingLoop(IIterativeTrainer trainer, TrainingRun run)
{
    /// <summary>The validation Sharpe of the (greedy) policy; null: no validation, so no early stopping.</summary>
    public Func<NeuralPolicy, double>? Validate { get; init; }

    /// <summary>Called with each iteration's rollouts, when it made any (to append them to an experience library).</summary>
    public Action<int, IReadOnlyList<Trajectory>>? OnRollouts { get; init; }

    /// <summary>Called at the end of each iteration (logged, best model and checkpoint saved) with its log
    /// (<see cref="RlIterationLog.ValidationSharpe"/> set when measured).</summary>
    public Action<RlIterationLog>? OnIteration { get; init; }

    /// <summary>Asked before each iteration: true stops the run cleanly (final model saved), e.g. on Ctrl+C.</summary>
    public Func<bool>? StopRequested { get; init; }

    /// <summary>Runs the iterations after <paramref name="resume"/>'s (all when null). The trainer must already hold
    /// the resumed optimiser state (<see cref="IIterativeTrainer.LoadOptimizer"/>); <paramref name="resumedFrom"/> is the
    /// checkpoint folder, whose run's best model is carried over.</summary>
    public TrainingLoopResult Run(ResumeState? resume = null, string? resumedFrom = null)
    {
        var policy = trainer.Policy;
        var options = trainer.Options;
        string name = options.Algorithm;
        int total = options.TotalIterations;
        double best = resume?.BestValidationSharpe ?? double.NegativeInfinity;
        int sinceBest = resume?.ValidationsSinceBest ?? 0;
        string baseVersion = resume?.BaseVersion ?? policy.Metadata.Version;
        if (resume is not null && resumedFrom is not null)
        {
            run.WriteText("resumed_from.txt", $"{Path.GetFullPath(resumedFrom)}\niteration {resume.Iteration}\n");
            var previousBest = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(resumedFrom))!, "best");
            if (resume.BestValidationSharpe is not null && File.Exists(Path.Combine(previousBest, NeuralPolicy.MetadataFile))) run.CopyModel(previousBest, "best");
        }
        string? lastCheckpoint = null;
        bool stoppedEarly = false;
        int i = resume?.Iteration ?? 0, last = i;
        while (++i <= total)
        {
            if (StopRequested?.Invoke() == true) break;
            RlIterationLog log;
            try
            {
                log = trainer.Step(i);
            }
            catch (TrainingDivergedException ex)
            {
                run.WriteText("error.txt", ex.Message + "\n");
                throw new TrainingDivergedException(
                    $"{ex.Message} Stopped; the run folder {run.Directory} keeps the last good checkpoint: {lastCheckpoint ?? "none (no checkpoint was due yet)"}.", ex);
            }
            last = i;
            if (trainer.LastRollouts.Count > 0) OnRollouts?.Invoke(i, trainer.LastRollouts);
            if (Validate is not null && (i % options.ValidateEvery == 0 || i == total))
            {
                bool greedy = policy.Greedy;
                policy.Greedy = true;
                try { log = log with { ValidationSharpe = Validate(policy) }; }
                finally { policy.Greedy = greedy; }
            }
            run.Log(i, Metrics(name, log));
            var metadata = policy.Metadata with { Algorithm = name, Version = name == "sft" ? baseVersion : $"{baseVersion}+{name}{i}", Created = DateTimeOffset.UtcNow };
            if (log.ValidationSharpe is { } val && double.IsFinite(val))
            {
                if (val > best)
                {
                    best = val;
                    sinceBest = 0;
                    run.SaveModel(policy, "best", metadata);
                }
                else stoppedEarly = ++sinceBest >= options.Patience;
            }
            if (i % options.CheckpointEvery == 0)
            {
                var state = new ResumeState(name, i, double.IsNegativeInfinity(best) ? null : best, sinceBest, baseVersion);
                lastCheckpoint = run.SaveModel(policy, $"checkpoint_{i:0000}", metadata, dir =>
                {
                    trainer.SaveOptimizer(Path.Combine(dir, ResumeState.OptimizerFileName));
                    state.Save(dir);
                });
            }
            OnIteration?.Invoke(log);
            if (stoppedEarly) break;
        }
        var finalMetadata = policy.Metadata with { Algorithm = name, Version = name == "sft" ? baseVersion : $"{baseVersion}+{name}", Created = DateTimeOffset.UtcNow };
        var final = run.SaveModel(policy, "final", finalMetadata);
        var bestModel = Path.Combine(run.Directory, "models", "best");
        if (!File.Exists(Path.Combine(bestModel, NeuralPolicy.MetadataFile))) run.SaveModel(policy, "best", finalMetadata);
        return new TrainingLoopResult(last, double.IsNegativeInfinity(best) ? null : best, stoppedEarly, bestModel, final, lastCheckpoint);
    }

    private static Dictionary<string, double?> Metrics(string name, RlIterationLog log)
    {
        var values = new Dictionary<string, double?> { [$"{name}/loss"] = log.Loss };
        if (name != "sft")
        {
            values[$"{name}/reward_mean"] = log.RewardMean;
            values[$"{name}/reward_std"] = log.RewardStd;
            values[$"{name}/kl"] = log.Kl;
            values[$"{name}/clip_fraction"] = log.ClipFraction;
            values[$"{name}/entropy"] = log.Entropy;
            values[$"{name}/zero_spread_groups"] = log.ZeroSpreadShare;
            values[$"{name}/value_loss"] = log.ValueLoss;
        }
        values[$"{name}/seconds"] = log.Seconds;
        values[$"{name}/validation_sharpe"] = log.ValidationSharpe;
        return values;
    }
}
