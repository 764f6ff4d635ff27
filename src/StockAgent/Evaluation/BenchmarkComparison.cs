namespace StockAgent.Evaluation;

/// <summary>The series against its benchmark: both annualised Sharpe ratios and their difference, the
/// Jobson-Korkie-Memmel z and two-sided p-value, and the Ledoit-Wolf studentised circular-block-bootstrap p-value with
/// its block length.</summary>
public sealed record BenchmarkComparison(double BenchmarkSharpe, double Difference, double Z, double PValue, double BootstrapPValue, int BlockLength);
