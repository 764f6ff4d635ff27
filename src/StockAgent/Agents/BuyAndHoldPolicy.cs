using StockAgent.Market;

namespace StockAgent.Agents;

/// <summary>Always fully invested (the largest exposure of its action space).</summary>
public sealed class BuyAndHoldPolicy(ActionSpace? actions = null) : SignalPolicy("buy-and-hold", "1", actions)
{
    protected override Func<int, int> CreateSignal(PriceSeries series) => _ => 1;
}
