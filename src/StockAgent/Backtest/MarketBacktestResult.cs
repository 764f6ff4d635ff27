namespace StockAgent.Backtest;

/// <summary>
/// What <see cref="MarketBacktest.Run"/> measured: the policy, the market, each symbol backtested alone with the whole
/// initial cash (<see cref="Symbols"/>, in the order chosen; empty for a portfolio policy, which decides for all symbols
/// at once), the same symbols as one portfolio sharing one
/// account, and the benchmark's buy-and-hold over the portfolio's dates (null without a benchmark or with fewer than two
/// of its bars in range). Trades everywhere are closed round trips: a position opened from flat (or by a reversal) and
/// closed to flat (or reversed), P&amp;L after costs; a position open at the end is closed at the last close and counts.
/// </summary>
public sealed record MarketBacktestResult(
    string PolicyId,
    string PolicyVersion,
    string Market,
    IReadOnlyList<BacktestResult> Symbols,
    PortfolioResult Portfolio,
    BacktestResult? Benchmark,
    BacktestOptions BenchmarkOptions)
{
    public DateOnly From => Portfolio.Dates[0];

    public DateOnly To => Portfolio.Dates[^1];
}
