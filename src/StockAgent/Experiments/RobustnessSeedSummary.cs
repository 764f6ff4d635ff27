namespace StockAgent.Experiments;

/// <summary>Across the policy seeds tried on the out-of-time test set: the mean and the sample standard deviation
/// (normaliser n - 1) of the annualised Sharpe and of the total return. <see cref="Deterministic"/> is true when every
/// seed gave the same numbers (a greedy or rule-based policy: the standard deviations are then 0).</summary>
public sealed record RobustnessSeedSummary(int Seeds, double MeanSharpe, double SdSharpe, double MeanTotalReturn, double SdTotalReturn, bool Deterministic);
