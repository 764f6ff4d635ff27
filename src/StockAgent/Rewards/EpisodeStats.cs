namespace StockAgent.Rewards;

/// <summary>
/// Summary of one episode: P&amp;L in currency and return (final / initial equity - 1), Sharpe of its daily
/// returns (annualised, sqrt(252), NaN when flat), max drawdown in [0, 1], closed trades and their win rate
/// (NaN with none), mean |exposure|, annualised volatility of daily returns, and the initial equity.
/// </summary>
public sealed record EpisodeStats(
    double Pnl,
    double Return,
    double Sharpe,
    double MaxDrawdown,
    int Trades,
    double WinRate,
    double MeanExposure,
    double Volatility,
    double InitialEquity);
