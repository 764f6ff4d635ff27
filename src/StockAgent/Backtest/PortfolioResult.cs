namespace StockAgent.Backtest;

/// <summary>A portfolio backtest on the union of the symbols' trading days: equity, cash and gross exposure
/// (sum of |position value| / equity) per day, every symbol's trades, traded notional and costs, and for a portfolio
/// policy run with recorded observations its <see cref="Decisions"/> (null otherwise). <see cref="Shares"/>[k][i] is symbol
/// k's shares at day i's close (null in results made elsewhere).</summary>
public sealed record PortfolioResult(
    IReadOnlyList<string> Symbols,
    DateOnly[] Dates,
    double[] Equity,
    double[] Cash,
    double[] GrossExposure,
    IReadOnlyList<Trade> Trades,
    double TradedNotional,
    double TotalCosts,
    double InitialCash,
    PortfolioDecisions? Decisions = null,
    double[][]? Shares = null);
