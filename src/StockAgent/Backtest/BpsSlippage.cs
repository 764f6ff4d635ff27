namespace StockAgent.Backtest;

/// <summary>Slippage of <see cref="Bps"/> basis points against the trader: buys fill higher, sells lower; in
/// [0, <see cref="CostModel.MaxBps"/>], so a sale's price stays positive.</summary>
public sealed record BpsSlippage(double Bps) : ISlippageModel
{
    public double Bps { get; } = CostModel.CheckBps(Bps, nameof(Bps));

    public double FillPrice(double referencePrice, int side) => referencePrice * (1 + side * Bps * 1e-4);
}
