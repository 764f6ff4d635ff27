namespace StockAgent.Rewards;

/// <summary>
/// Summary of one episode: P&amp;L in currency and return (final / initial equity - 1), Sharpe of its daily
/// returns (annualised, sqrt(252), NaN when flat), max drawdown in [0, 1], closed trades and their win rate
/// (NaN with none), mean |exposure|, annualised volatility of daily returns, and the initial equity.
/// The benchmark fields compare the episode with buy-and-hold over the same bars, filled and charged as the episode
/// (entered at the first decision's fill, the next bar's open; held to the last close): of the same symbol for a
/// single-symbol episode, of the universe with equal weights for a portfolio episode. <see cref="BenchmarkReturn"/> is
/// its total return, <see cref="BenchmarkSharpe"/> its annualised Sharpe (NaN when flat). <see cref="DifferentialSharpe"/>
/// is the sum over the episode's daily returns of Moody and Saffell's differential Sharpe ratio
/// (<see cref="Statistics.DifferentialSharpeRatio"/>). All three are NaN when not measured (a library written before them).
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
    double InitialEquity,
    double BenchmarkReturn = double.NaN,
    double BenchmarkSharpe = double.NaN,
    double DifferentialSharpe = double.NaN);
