namespace StockAgent.Backtest;

/// <summary>
/// One closed round trip, from flat (or a reversal) back to flat: side (+1 long, -1 short), dates and
/// volume-weighted prices of entry and exit fills, the largest number of shares held, P&amp;L after all
/// commissions and slippage in currency, return on the entry notional, and bars held.
/// </summary>
public sealed record Trade(
    string Symbol, int Side, DateOnly EntryDate, double EntryPrice, DateOnly ExitDate, double ExitPrice,
    double Shares, double Pnl, double Return, int HoldingBars, string ExitReason);
