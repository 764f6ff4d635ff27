namespace StockAgent.Evaluation;

/// <summary>A policy's point metrics on one slice of a test set (<see cref="SliceAnalysis"/>): the grouping ("regime",
/// "sector"), the slice's name, its daily returns' count, annualised Sharpe (sqrt(252) x mean / sample std) and mean
/// annualised return (252 x mean daily return), and the closed trades entered in it with their win rate.</summary>
public sealed record SliceRow(string Grouping, string Slice, int Days, double Sharpe, double AnnualReturn, int Trades, double WinRate);
