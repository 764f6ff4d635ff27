namespace StockAgent.Evaluation;

/// <summary>
/// What the deflated Sharpe ratio needs from the registry. <see cref="Trials"/> counts distinct configurations (config
/// hashes), each represented by its latest record; <see cref="Records"/> counts every record. The variances are sample
/// variances (n - 1) across those configurations of the annualised Sharpe ratio and of the per-period one (NaN with
/// fewer than two configurations); <see cref="MaxSharpeAnnualised"/> is the best of them.
/// </summary>
public sealed record TrialStatistics(int Trials, int Records, double SharpeVarianceAnnualised, double SharpeVariancePerPeriod, double MeanSharpeAnnualised, double MaxSharpeAnnualised);
