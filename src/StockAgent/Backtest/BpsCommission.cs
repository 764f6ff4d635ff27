namespace StockAgent.Backtest;

/// <summary>Commission of <see cref="Bps"/> basis points (1 bp = 0.01%) of traded notional, in [0, <see cref="CostModel.MaxBps"/>].</summary>
public sealed record BpsCommission(double Bps) : ICommissionModel
{
    public double Bps { get; } = CostModel.CheckBps(Bps, nameof(Bps));

    public double Commission(double notional) => notional * Bps * 1e-4;
}
