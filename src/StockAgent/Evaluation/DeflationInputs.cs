namespace StockAgent.Evaluation;

/// <summary>What deflated the Sharpe ratio: N trials, the annualised variance of their annualised Sharpe ratios, and
/// the resulting expected maximum Sharpe SR0 (annualised here: sqrt(252) x the per-day SR0 of the paper).</summary>
public sealed record DeflationInputs(int Trials, double TrialSharpeVariance, double ExpectedMaxSharpe);
