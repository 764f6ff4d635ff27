using StockAgent.Statistics;

namespace StockAgent.Evaluation;

/// <summary>Percentile 95% intervals from the stationary bootstrap: annualised Sharpe, CAGR (annual return), max
/// drawdown and total return from resampled daily returns; win rate from resampled trades.</summary>
public sealed record ReturnIntervals(ConfidenceInterval Sharpe, ConfidenceInterval WinRate, ConfidenceInterval Cagr, ConfidenceInterval MaxDrawdown, ConfidenceInterval TotalReturn);
