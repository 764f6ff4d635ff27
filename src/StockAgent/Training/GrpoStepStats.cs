namespace StockAgent.Training;

/// <summary>Plain-number diagnostics of one GRPO/PPO loss evaluation: the loss, mean k3 KL to the reference
/// policy, the share of steps whose ratio was clipped, and the mean entropy of the action distribution.</summary>
public readonly record struct GrpoStepStats(double Loss, double Kl, double ClipFraction, double Entropy);
