namespace StockAgent.Backtest;

/// <summary>Slippage of <see cref="Bps"/> basis points against the trader: buys fill higher, sells lower.</summary>
public sealed record BpsSlippage(double Bps) : ISlippageModel
{
    public double FillPrice(double referencePrice, int side) => referencePrice * (1 + side * Bps * 1e-4);
}
