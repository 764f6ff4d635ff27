namespace StockAgent.Reporting;

/// <summary>One RL iteration of a training run: its step (iteration number), the mean episode reward of its rollouts,
/// the KL divergence to the reference policy (k3 estimator) and the share of clipped probability ratios. NaN for a
/// value the run did not log.</summary>
public readonly record struct TrainingPoint(int Step, double Reward, double Kl, double ClipFraction);
