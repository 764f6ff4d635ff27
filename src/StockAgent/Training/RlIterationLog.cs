namespace StockAgent.Training;

/// <summary>One RL iteration as logged to metrics.jsonl: loss, episode reward mean and std, KL to the reference,
/// clip fraction, entropy, share of zero-spread groups (GRPO), value loss (PPO, NaN for GRPO), trajectories, wall time,
/// and the validation Sharpe when measured.</summary>
public sealed record RlIterationLog(int Iteration, double Loss, double RewardMean, double RewardStd, double Kl, double ClipFraction,
    double Entropy, double ZeroSpreadShare, int Trajectories, double Seconds, double ValueLoss = double.NaN, double? ValidationSharpe = null);
