namespace StockAgent.Experiments;

/// <summary>A model's score on the validation period of the training symbols (the period that chooses models, never
/// the test period): its equal-weight portfolio's annualised Sharpe, total return, max drawdown, closed trades and their
/// win rate, and equal-weight buy-and-hold's Sharpe over the same days for comparison.</summary>
public sealed record ValidationMetrics(string Model, double Sharpe, double WinRate, double TotalReturn, double MaxDrawdown, int Trades, double BuyAndHoldSharpe);
