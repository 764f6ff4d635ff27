namespace StockAgent.Backtest;

/// <summary>What a fill costs in fees, in currency, given its notional (|shares| x fill price).</summary>
public interface ICommissionModel
{
    double Commission(double notional);
}
