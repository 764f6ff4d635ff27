using StockAgent.Backtest;

namespace StockAgent.Evaluation;

/// <summary>
/// One policy on one test set (<see cref="PolicyTester.Run"/>): its backtest (each symbol alone, the equal-weight
/// portfolio, the benchmark's buy-and-hold over the same dates) and, from the portfolio, the daily return series the
/// statistics read: the portfolio's simple returns with the benchmark's on the same days, the gross exposure held over
/// each day with the equal-weight return of the set's symbols that day (for the random-timing test), and the P&amp;L
/// of the portfolio's closed trades after costs.
/// </summary>
public sealed record PolicyTestResult(string Name, string Kind, TestSet Set, MarketBacktestResult Backtest, ReturnSeries Returns, double[] TradePnl);
