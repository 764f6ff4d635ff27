namespace StockAgent.Backtest;

/// <summary>A portfolio backtest on the union of the symbols' trading days: equity, cash and gross exposure
/// (sum of |position value| / equity) per day, every symbol's trades, traded notional and costs.</summary>
public sealed record PortfolioResult(
    IReadOnlyList<string> Symbols,
    DateOnly[] Dates,
    double[] Equity,
    double[] Cash,
    double[] GrossExposure,
    IReadOnlyList<Trade> Trades,
    double TradedNotional,
    double TotalCosts,
    double InitialCash);
