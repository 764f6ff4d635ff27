namespace StockAgent.Backtest;

/// <summary>The price actually obtained for an order at a reference price; side is +1 to buy, -1 to sell.</summary>
public interface ISlippageModel
{
    double FillPrice(double referencePrice, int side);
}
