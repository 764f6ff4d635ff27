namespace StockAgent.Backtest;

/// <summary>Commission of <see cref="Bps"/> basis points (1 bp = 0.01%) of traded notional.</summary>
public sealed record BpsCommission(double Bps) : ICommissionModel
{
    public double Commission(double notional) => notional * Bps * 1e-4;
}
