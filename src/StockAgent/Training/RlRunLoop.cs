using StockAgent.Agents;
using StockAgent.Experience;

namespace StockAgent.Training;

/// <summary>
/// The iterations of one RL run in its <see cref="TrainingRun"/> folder, as `stockagent train` runs them: online
/// rollouts (or offline batches), metrics.jsonl and TensorBoard per iteration, a greedy validation Sharpe every
/// <see cref="RlLoopOptions.ValidateEvery"/> iterations (and at the last) with models/best on every new best and early
/// stopping after <see cref="RlLoopOptions.Patience"/> validations without one, checkpoints carrying the trainer's
/// state (<see cref="ResumeState"/>), then models/final. A diverging loss writes error.txt and stops with the last good
/// checkpoint named.
/// </summary>
public sealed class RlRunLoop(RlTrainer trainer, TrainingRun run, RlLoopOptions options)
{
    /// <summary>The batch of iteration i for offline training (e.g. <see cref="LibraryReplay.Batch"/>); null: fresh rollouts.</summary>
    public Func<int, IReadOnlyList<Trajectory>>? Offline { get; init; }

    /// <summary>The validation Sharpe of the (greedy) policy; null: no validation, so no early stopping.</summary>
    public Func<NeuralPolicy, double>? Validate { get; init; }

    /// <summary>Called with each online iteration's rollouts (to append them to an experience library).</summary>
    public Action<int, IReadOnlyList<Trajectory>>? OnRollouts { get; init; }

    /// <summary>Called at the end of each iteration (logged, best model and checkpoint saved) with its log
    /// (<see cref="RlIterationLog.ValidationSharpe"/> set when measured).</summary>
    public Action<RlIterationLog>? OnIteration { get; init; }

    /// <summary>Runs the iterations after <paramref name="resume"/>'s (all when null). The trainer must already hold
    /// the resumed optimiser state (<see cref="RlTrainer.LoadOptimizer"/>); <paramref name="resumedFrom"/> is the
    /// checkpoint folder, whose run's best model is carried over.</summary>
    public RlLoopResult Run(ResumeState? resume = null, string? resumedFrom = null)
    {
        var policy = trainer.Policy;
        string name = options.Algorithm;
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
        int i = resume?.Iteration ?? 0;
        while (++i <= options.NumIterations)
        {
            RlIterationLog log;
            try
            {
                log = Offline is null ? trainer.Step(i) : trainer.Update(i, Offline(i));
            }
            catch (TrainingDivergedException ex)
            {
                run.WriteText("error.txt", ex.Message + "\n");
                throw new InvalidOperationException(
                    $"{ex.Message} Stopped; the run folder {run.Directory} keeps the last good checkpoint: {lastCheckpoint ?? "none (no checkpoint was due yet)"}.", ex);
            }
            if (Offline is null) OnRollouts?.Invoke(i, trainer.LastRollouts);
            if (Validate is not null && (i % options.ValidateEvery == 0 || i == options.NumIterations))
            {
                policy.Greedy = true;
                try { log = log with { ValidationSharpe = Validate(policy) }; }
                finally { policy.Greedy = false; }
            }
            run.Log(i, new Dictionary<string, double?>
            {
                [$"{name}/loss"] = log.Loss, [$"{name}/reward_mean"] = log.RewardMean, [$"{name}/reward_std"] = log.RewardStd, [$"{name}/kl"] = log.Kl,
                [$"{name}/clip_fraction"] = log.ClipFraction, [$"{name}/entropy"] = log.Entropy, [$"{name}/zero_spread_groups"] = log.ZeroSpreadShare,
                [$"{name}/value_loss"] = log.ValueLoss, [$"{name}/seconds"] = log.Seconds, [$"{name}/validation_sharpe"] = log.ValidationSharpe,
            });
            var metadata = policy.Metadata with { Algorithm = name, Version = $"{baseVersion}+{name}{i}", Created = DateTimeOffset.UtcNow };
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
        var finalMetadata = policy.Metadata with { Algorithm = name, Version = $"{baseVersion}+{name}", Created = DateTimeOffset.UtcNow };
        var final = run.SaveModel(policy, "final", finalMetadata);
        if (!File.Exists(Path.Combine(run.Directory, "models", "best", NeuralPolicy.MetadataFile))) run.SaveModel(policy, "best", finalMetadata);
        return new RlLoopResult(Math.Min(i, options.NumIterations), double.IsNegativeInfinity(best) ? null : best, stoppedEarly, final, lastCheckpoint);
    }
}
