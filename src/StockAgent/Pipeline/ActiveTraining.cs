namespace StockAgent.Pipeline;

/// <summary>The training session in progress, in the state from the moment it starts until it ends, so that a rerun
/// after a kill carries it on (<see cref="SessionResume"/>): the session's number, its algorithm ("sft", "grpo" or
/// "ppo"), its run folder (null until it exists), the iterations it was asked for (epochs for SFT), the library
/// trajectories it trains on (SFT: the best N it clones; GRPO/PPO offline: the newest N; null: online, appending its
/// rollouts to the library), and the checkpoint its run folder resumed from when it carries on an interrupted run (the
/// place to carry on from while the new run folder has no checkpoint of its own yet).</summary>
public sealed record ActiveTraining(int Session, string Algorithm, string? RunFolder, int Iterations, int? NumTrajectories, string? ResumedFrom = null);
