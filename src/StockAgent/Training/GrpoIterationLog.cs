namespace StockAgent.Training;

/// <summary>One GRPO iteration as logged to metrics.jsonl: loss, episode reward mean and std, KL to the reference,
/// clip fraction, entropy, share of zero-spread groups, trajectories, wall time, and the validation Sharpe when measured.</summary>
public sealed record GrpoIterationLog(int Iteration, double Loss, double RewardMean, double RewardStd, double Kl, double ClipFraction,
    double Entropy, double ZeroSpreadShare, int Trajectories, double Seconds, double? ValidationSharpe = null);
