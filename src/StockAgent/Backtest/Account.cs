namespace StockAgent.Backtest;

/// <summary>One cash account (a single-symbol backtest's, or a portfolio's shared by its holdings): cash, and the
/// running totals of traded notional and of costs (commission plus slippage against the reference price).</summary>
internal sealed class Account(double cash)
{
    public double Cash = cash;
    public double Traded;
    public double Costs;
}
